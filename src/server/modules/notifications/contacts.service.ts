import type { ContactMethodInput, ContactMethodsBody } from '../../../common/schemas/contacts.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { invalidFields, type FieldProblem } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PeopleService } from '../people/people.service.js';
import type { UnitService } from '../units/units.service.js';
import { presentContact } from './contacts.presenter.js';
import * as repo from './contacts.repository.js';

/**
 * How a person is reached, in order: the addresses the delivery worker sends to and fails over
 * between. Whoever may see the person may see the list; the person themselves, or a manager of
 * their home unit, may replace it.
 */
export class ContactService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly people: PeopleService,
    private readonly units: UnitService,
  ) {}

  async list(actor: Actor, personId: string): Promise<repo.SavedContact[]> {
    await this.people.get(actor, personId);
    return repo.listOf(this.db, personId);
  }

  /** Replaces the list in one transaction, audited; a `keep` names a saved method by its position. */
  async replace(actor: Actor, personId: string, body: ContactMethodsBody): Promise<repo.SavedContact[]> {
    const { person } = await this.people.get(actor, personId);
    if (actor.kind !== 'account' || actor.personId !== person.id)
      await this.units.requireManageable(actor, person.home_unit_id);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (tx) => {
      const saved = new Map((await repo.listOf(tx, person.id)).map((m) => [m.position, m.input]));
      const methods = resolveKept(body.methods, saved);
      await repo.replaceAll(tx, person.id, methods, now);
      await this.audit.record(tx, actor, {
        action: 'person.contacts',
        entity: 'person',
        entityId: person.id,
        unitId: person.home_unit_id,
        after: methods.map((m, i) => presentContact(i + 1, m)),
      });
    });
    return repo.listOf(this.db, person.id);
  }
}

/** The list as it will be stored: each `keep` replaced by the saved method it names, each named once. */
function resolveKept(
  methods: ContactMethodsBody['methods'],
  saved: Map<number, ContactMethodInput>,
): ContactMethodInput[] {
  const problems: FieldProblem[] = [];
  const used = new Set<number>();
  const resolved = methods.map((m, i) => {
    if (!('keep' in m)) return m;
    const kept = saved.get(m.keep);
    if (!kept || used.has(m.keep))
      problems.push({ field: `methods.${i}.keep`, key: 'contacts.keepUnknown', params: { position: m.keep } });
    used.add(m.keep);
    return kept!;
  });
  if (problems.length) throw invalidFields(problems);
  return resolved;
}
