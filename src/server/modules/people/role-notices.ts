import type { Role } from '../../../common/org.js';
import type { AfterCommit, Executor } from '../../db/database.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import { actorLabel } from '../auth/actor.js';
import * as unitsPort from '../units/units.read-port.js';
import * as repo from './people.repository.js';

export interface RoleChange {
  personId: string;
  unitId: string;
  role: Role;
  granted: boolean;
  reason: string | null;
}

/**
 * Tells the person concerned and the unit's accountable heads that a role was granted or removed,
 * by whom and why, each in their own language: a role given behind someone's back is seen at once.
 */
export async function tellRoleChange(
  tx: Executor,
  afterCommit: AfterCommit,
  notifier: Notifier,
  actor: Actor,
  change: RoleChange,
  now: Date,
): Promise<void> {
  const unit = await unitsPort.findById(tx, change.unitId);
  const person = await repo.findById(tx, change.personId);
  if (!unit || !person) return;
  const heads = await tx
    .selectFrom('memberships')
    .select('person_id')
    .where('unit_id', '=', change.unitId)
    .where('role', '=', 'accountable_head')
    .execute();
  const locale = unit.locale === 'en' ? 'en' : 'zh-CN';
  const what = say(change.granted ? 'role.changedGranted' : 'role.changedRemoved', {
    unit: unit.name,
    role: say(`role.${change.role}`),
  });
  const title = say('role.changedTitle', { person: person.name, change: what });
  const body = say('role.changedBody', { by: actorLabel(actor), reason: change.reason || '—' });
  const people = [change.personId, ...heads.map((h) => h.person_id)];
  await notifier.tell(
    tx,
    afterCommit,
    people,
    { kind: 'people.role-change', locale, link: `/people/${person.id}`, title, body },
    now,
  );
}
