import type { z } from 'zod';
import type { CaseCategory, CaseStatus, OpenCaseBody, OutcomeBody } from '../../../common/schemas/cases.js';
import type { PageQuery } from '../../../common/schemas/shared.js';
import { localToUtc } from '../../../common/time.js';
import type { AfterCommit, Db, Executor } from '../../db/database.js';
import type { CaseRow } from './cases.table.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId, newSecret } from '../../lib/ids.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import { sha256 } from '../auth/auth.service.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { canSee, scopeRoots } from '../units/units.policy.js';
import * as unitsPort from '../units/units.read-port.js';
import type { UnitService } from '../units/units.service.js';
import * as repo from './cases.repository.js';

export const FOLLOW_UP_DEADLINE = 'cases.follow-up';
/** The private status link works this long after it was issued. */
export const PUBLIC_LINK_DAYS = 365;

/** A case with what its page shows beside it. */
export interface CaseDetail {
  found: repo.CaseWithUnit;
  parties: Awaited<ReturnType<typeof repo.partiesOf>>;
  sessions: Awaited<ReturnType<typeof repo.sessionsOf>>;
}

/**
 * A case is a problem someone brought to the unit, worked on until it is solved. The audit trail
 * records what happened to the case, not what anyone said about a person.
 */
export class CaseService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly engine: DeadlineEngine,
    private readonly notifier: Notifier,
  ) {}

  async get(actor: Actor, id: string, db: Executor = this.db): Promise<repo.CaseWithUnit> {
    const found = await repo.find(db, id);
    if (!found || !canSee(actor, found.unit_path)) throw notFound();
    return found;
  }

  /** One case the actor can see, with its parties and sessions. */
  async detail(actor: Actor, id: string): Promise<CaseDetail> {
    const found = await this.get(actor, id);
    const [parties, sessions] = await Promise.all([repo.partiesOf(this.db, id), repo.sessionsOf(this.db, id)]);
    return { found, parties, sessions };
  }

  async list(actor: Actor, options: PageQuery & { unitId?: string; status?: CaseStatus; category?: CaseCategory }) {
    if (options.unitId) await this.units.requireVisible(actor, options.unitId);
    return repo.list(this.db, scopeRoots(actor), options, (options.page - 1) * options.pageSize, options.pageSize);
  }

  /** Opens the case and issues the private link's token, shown this once. */
  async open(actor: Actor, input: z.infer<typeof OpenCaseBody>): Promise<{ row: CaseRow; token: string }> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireVisible(actor, input.unitId, tx);
      await this.requireStaff(tx, input.ownerId, unit.id);
      const now = this.clock.now();
      const token = newSecret(18);
      const row: CaseRow = {
        id: newId(),
        unit_id: unit.id,
        number: await repo.nextNumber(tx, now.getUTCFullYear()),
        category: input.category,
        issue: input.issue,
        owner_person_id: input.ownerId,
        status: 'open',
        outcome: null,
        agreement_text: null,
        no_agreement_reason: null,
        follow_up_date: null,
        public_token_hash: sha256(token),
        public_token_expires_at: new Date(now.getTime() + PUBLIC_LINK_DAYS * 86_400_000).toISOString(),
        opened_at: now.toISOString(),
        last_activity_at: now.toISOString(),
        resolved_at: null,
        closed_at: null,
      };
      await repo.insert(
        tx,
        row,
        input.parties.map((p) => ({
          id: newId(),
          case_id: row.id,
          name: p.name,
          contact: p.contact,
          raised_it: p.raisedIt ? 1 : 0,
        })),
      );
      await this.audit.record(tx, actor, {
        action: 'case.open',
        entity: 'case',
        entityId: row.id,
        unitId: unit.id,
        after: { number: row.number, category: row.category },
      });
      return { row, token };
    });
  }

  private async requireStaff(tx: Executor, personId: string, unitId: string): Promise<void> {
    if (!(await repo.isStaffOf(tx, personId, unitId))) throw invalid('ownerId', 'plan.personUnknown');
  }

  async addSession(actor: Actor, id: string, notes: string, at?: string): Promise<void> {
    await this.change(actor, id, async (tx, found, now) => {
      await repo.addSession(tx, {
        id: newId(),
        case_id: id,
        at: at ?? now,
        mediator_person_id: actor.kind === 'account' ? actor.personId : null,
        notes,
      });
      if (found.status === 'open') await repo.update(tx, id, { status: 'mediating' });
      return { action: 'case.session' };
    });
  }

  /** An agreement, or no agreement and why; a follow-up date brings a reminder to the owner. */
  async recordOutcome(actor: Actor, id: string, input: z.infer<typeof OutcomeBody>): Promise<void> {
    await this.change(actor, id, async (tx, found, now) => {
      await repo.update(tx, id, {
        status: 'resolved',
        outcome: input.outcome,
        resolved_at: now,
        follow_up_date: input.followUpDate ?? null,
        agreement_text: input.outcome === 'agreement' ? input.agreementText : null,
        no_agreement_reason: input.outcome === 'no_agreement' ? input.reason : null,
      });
      if (input.followUpDate) {
        const unit = (await unitsPort.findById(tx, found.unit_id))!;
        await this.engine.schedule(tx, {
          kind: FOLLOW_UP_DEADLINE,
          refId: id,
          unitId: found.unit_id,
          dueAt: localToUtc(input.followUpDate, '09:00', unit.time_zone),
        });
      }
      return { action: 'case.outcome', after: { outcome: input.outcome } };
    });
  }

  async close(actor: Actor, id: string): Promise<void> {
    await this.change(actor, id, async (tx, found, now) => {
      if (found.status !== 'resolved') throw new AppError(409, 'conflict', 'case.notResolved');
      await repo.update(tx, id, { status: 'closed', closed_at: now });
      return { action: 'case.close' };
    });
  }

  async reissueLink(actor: Actor, id: string): Promise<string> {
    const token = newSecret(18);
    await this.change(actor, id, async (tx, _found, now) => {
      await repo.update(tx, id, {
        public_token_hash: sha256(token),
        public_token_expires_at: new Date(Date.parse(now) + PUBLIC_LINK_DAYS * 86_400_000).toISOString(),
      });
      return { action: 'case.link' };
    });
    return token;
  }

  /** Anyone with the link: status and dates only; an unknown or expired token is simply not found. */
  async publicStatus(token: string) {
    const found = await repo.byTokenHash(this.db, sha256(token));
    if (!found || !found.public_token_expires_at || found.public_token_expires_at <= this.clock.now().toISOString())
      throw notFound();
    return found;
  }

  private async change(
    actor: Actor,
    id: string,
    work: (tx: Executor, found: repo.CaseWithUnit, now: string) => Promise<{ action: string; after?: unknown }>,
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const found = await this.get(actor, id, tx);
      if (found.status === 'closed') throw new AppError(409, 'conflict', 'case.closed');
      const now = this.clock.now().toISOString();
      const { action, after } = await work(tx, found, now);
      await repo.update(tx, id, { last_activity_at: now });
      await this.audit.record(tx, actor, { action, entity: 'case', entityId: id, unitId: found.unit_id, after });
    });
  }

  /** Engine: the follow-up date has come; the owner is reminded. */
  async onFollowUp(tx: Executor, id: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const found = await repo.find(tx, id);
    if (!found || found.status === 'closed') return;
    const locale = found.unit_locale === 'en' ? 'en' : 'zh-CN';
    await this.notifier.tell(
      tx,
      afterCommit,
      [found.owner_person_id],
      {
        kind: 'case.follow-up',
        locale,
        link: `/cases/${id}`,
        title: say('case.followUpTitle', { number: found.number }),
        body: found.issue.slice(0, 200),
      },
      now,
    );
  }

  async stats(actor: Actor, unitId?: string) {
    const within = unitId ? [(await this.units.requireVisible(actor, unitId)).path] : scopeRoots(actor);
    return repo.stats(this.db, within);
  }
}
