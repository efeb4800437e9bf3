import { LEAVE_DAYS_MAX, type LeaveState, type RequestLeaveBody } from '../../../common/schemas/leave.js';
import { ORG_MANAGER_ROLES } from '../../../common/org.js';
import { localDate, localToUtc, periodBounds } from '../../../common/time.js';
import { transactionWithHooks, type AfterCommit, type Db, type Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { canSee, scopeRoots } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import { datesBetween, daysBetween } from '../duty/shift-times.js';
import type { LeaveFacts } from './leave.presenter.js';
import * as repo from './leave.repository.js';

/** Who acts for an away head, and for how long. */
export interface ActingHead {
  leaveId: string;
  unitId: string;
  headPersonId: string;
  deputyPersonId: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Leave of unit heads (domain §11). When the plan in force says heads may not leave without
 * approval, the head asks the parent unit and an organisation manager there decides; otherwise the
 * leave is only recorded. Either way, while it lasts the deputy is the acting head: the reporting
 * chain tells them in the head's place, and the roster shows them.
 */
export class LeaveService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly rules: PlanRules,
    private readonly notifier: Notifier,
  ) {}

  /** The deputy acting for a head of the unit at a moment, or null. No access check: for other modules. */
  async actingHeadFor(unitId: string, at: Date, tx: Executor = this.db): Promise<ActingHead | null> {
    const [row] = await repo.effectiveIn(tx, [unitId], at.toISOString(), new Date(at.getTime() + 1).toISOString());
    return row
      ? {
          leaveId: row.id,
          unitId: row.unit_id,
          headPersonId: row.head_person_id,
          deputyPersonId: row.deputy_person_id,
          startsAt: row.starts_at,
          endsAt: row.ends_at,
        }
      : null;
  }

  /** Effective leave of these units overlapping [from, to): for the roster. No access check. */
  effectiveIn(unitIds: string[], from: Date, to: Date, tx: Executor = this.db): Promise<repo.LeaveRequestRow[]> {
    return repo.effectiveIn(tx, unitIds, from.toISOString(), to.toISOString());
  }

  async request(actor: Actor, input: RequestLeaveBody): Promise<repo.LeaveWithUnit> {
    if (actor.kind !== 'account') throw forbidden();
    const now = this.clock.now();
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const unit = await this.units.requireVisible(actor, input.unitId, tx);
      if (!(await repo.holdersOf(tx, unit.id, ['accountable_head'])).includes(actor.personId))
        throw new AppError(403, 'forbidden', 'leave.notHead');
      if (input.endDate < input.startDate) throw invalid('endDate', 'plan.periodEndBeforeStart');
      if (input.startDate < localDate(now, unit.time_zone)) throw invalid('startDate', 'leave.inPast');
      if (daysBetween(input.startDate, input.endDate) + 1 > LEAVE_DAYS_MAX)
        throw invalid('endDate', 'leave.tooLong', { max: LEAVE_DAYS_MAX });
      if (input.deputyId === actor.personId) throw invalid('deputyId', 'leave.deputySelf');
      if (!(await repo.isOfUnit(tx, input.deputyId, unit.id))) throw invalid('deputyId', 'plan.personUnknown');
      const { startsAt, endsAt } = periodBounds(input.startDate, input.endDate, unit.time_zone);
      if ((await repo.overlapping(tx, actor.personId, unit.id, startsAt.toISOString(), endsAt!.toISOString())).length)
        throw conflict('leave.overlaps', {}, 'startDate');
      const required =
        unit.parent_id !== null &&
        (await this.approvalRequired(tx, unit.id, input.startDate, input.endDate, unit.time_zone));
      const row: repo.LeaveRequestRow = {
        id: newId(),
        unit_id: unit.id,
        head_person_id: actor.personId,
        deputy_person_id: input.deputyId,
        start_date: input.startDate,
        end_date: input.endDate,
        starts_at: startsAt.toISOString(),
        ends_at: endsAt!.toISOString(),
        reason: input.reason,
        approval_required: required ? 1 : 0,
        state: required ? 'requested' : 'recorded',
        decided_by_person_id: null,
        decided_at: null,
        decision_note: null,
        created_at: now.toISOString(),
      };
      await repo.insert(tx, row);
      await this.audit.record(tx, actor, {
        action: required ? 'leave.request' : 'leave.record',
        entity: 'leave',
        entityId: row.id,
        unitId: unit.id,
        after: { startDate: row.start_date, endDate: row.end_date, deputyId: row.deputy_person_id },
      });
      const found = (await repo.find(tx, row.id))!;
      if (required)
        await this.tell(tx, afterCommit, await this.deciders(tx, found), found, 'leave.requestedTitle', now);
      else await this.tell(tx, afterCommit, [found.deputy_person_id], found, 'leave.deputyTitle', now);
      return found;
    });
  }

  /** Whether any day of the leave falls where the plan in force requires approval. */
  private async approvalRequired(
    tx: Executor,
    unitId: string,
    from: string,
    to: string,
    zone: string,
  ): Promise<boolean> {
    for (const day of datesBetween(from, to)) {
      if ((await this.rules.forUnit(unitId, localToUtc(day, '12:00', zone), tx)).rules.leaveApprovalRequired)
        return true;
    }
    return false;
  }

  /** What the leave presenter shows beside the rows: the people they name, and which the actor may decide. */
  async detailsFor(actor: Actor, rows: repo.LeaveWithUnit[]): Promise<LeaveFacts> {
    const ids = rows
      .flatMap((r) => [r.head_person_id, r.deputy_person_id, r.decided_by_person_id])
      .filter((x): x is string => Boolean(x));
    const people = await repo.people(this.db, [...new Set(ids)]);
    return {
      people: new Map(people.map((p) => [p.id, { id: p.id, name: p.name, phone: p.phone }])),
      mayDecide: new Set(rows.filter((r) => r.state === 'requested' && this.mayDecide(actor, r)).map((r) => r.id)),
    };
  }

  /** An organisation manager of the parent unit itself, and not the head asking. */
  mayDecide(actor: Actor, leave: repo.LeaveWithUnit): boolean {
    if (actor.kind !== 'account' || actor.personId === leave.head_person_id || !leave.unit_parent_id) return false;
    return actor.scopes.some(
      (s) => s.unitId === leave.unit_parent_id && s.roles.some((r) => ORG_MANAGER_ROLES.includes(r)),
    );
  }

  private deciders(tx: Executor, leave: repo.LeaveWithUnit): Promise<string[]> {
    return leave.unit_parent_id
      ? repo
          .holdersOf(tx, leave.unit_parent_id, ORG_MANAGER_ROLES)
          .then((ids) => ids.filter((id) => id !== leave.head_person_id))
      : Promise.resolve([]);
  }

  async decide(actor: Actor, id: string, approve: boolean, note: string): Promise<repo.LeaveWithUnit> {
    const now = this.clock.now();
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const leave = await this.get(actor, id, tx);
      if (!this.mayDecide(actor, leave)) throw new AppError(403, 'forbidden', 'leave.notDecider');
      if (leave.state !== 'requested') throw new AppError(409, 'conflict', 'leave.notWaiting');
      const state = approve ? 'approved' : 'refused';
      await repo.update(tx, id, {
        state,
        decided_by_person_id: actor.kind === 'account' ? actor.personId : null,
        decided_at: now.toISOString(),
        decision_note: note || null,
      });
      await this.audit.record(tx, actor, {
        action: approve ? 'leave.approve' : 'leave.refuse',
        entity: 'leave',
        entityId: id,
        unitId: leave.unit_id,
        after: { state, note },
      });
      const after = (await repo.find(tx, id))!;
      await this.tell(
        tx,
        afterCommit,
        [leave.head_person_id],
        after,
        approve ? 'leave.approvedTitle' : 'leave.refusedTitle',
        now,
      );
      if (approve) await this.tell(tx, afterCommit, [leave.deputy_person_id], after, 'leave.deputyTitle', now);
      return after;
    });
  }

  /** The head withdraws a request, or comes back early from leave not yet over. */
  async cancel(actor: Actor, id: string): Promise<repo.LeaveWithUnit> {
    const now = this.clock.now().toISOString();
    return this.db.transaction().execute(async (tx) => {
      const leave = await this.get(actor, id, tx);
      if (actor.kind !== 'account' || actor.personId !== leave.head_person_id)
        throw new AppError(403, 'forbidden', 'leave.notYours');
      if (!['requested', 'approved', 'recorded'].includes(leave.state) || leave.ends_at <= now)
        throw new AppError(409, 'conflict', 'leave.notCancellable');
      await repo.update(tx, id, { state: 'cancelled' });
      await this.audit.record(tx, actor, {
        action: 'leave.cancel',
        entity: 'leave',
        entityId: id,
        unitId: leave.unit_id,
        before: { state: leave.state },
      });
      return (await repo.find(tx, id))!;
    });
  }

  async get(actor: Actor, id: string, db: Executor = this.db): Promise<repo.LeaveWithUnit> {
    const leave = await repo.find(db, id);
    if (!leave || !canSee(actor, leave.unit_path)) throw notFound();
    return leave;
  }

  async list(actor: Actor, query: { unitId?: string; state?: LeaveState }): Promise<repo.LeaveWithUnit[]> {
    const within = query.unitId ? [(await this.units.requireVisible(actor, query.unitId)).path] : scopeRoots(actor);
    return repo.list(this.db, within, { state: query.state }, 300);
  }

  /** Heads away now across the subtree, with who acts for them. */
  async awayNow(actor: Actor, unitId?: string): Promise<repo.LeaveWithUnit[]> {
    const within = unitId ? [(await this.units.requireVisible(actor, unitId)).path] : scopeRoots(actor);
    return repo.list(this.db, within, { coveringAt: this.clock.now().toISOString() }, 500);
  }

  private async tell(
    tx: Executor,
    afterCommit: AfterCommit,
    people: string[],
    leave: repo.LeaveWithUnit,
    key: 'leave.requestedTitle' | 'leave.approvedTitle' | 'leave.refusedTitle' | 'leave.deputyTitle',
    now: Date,
  ): Promise<void> {
    if (people.length === 0) return;
    const names = new Map(
      (await repo.people(tx, [leave.head_person_id, leave.deputy_person_id])).map((p) => [p.id, p.name]),
    );
    const unit = await this.units.requireVisible({ kind: 'system', label: 'leave' }, leave.unit_id, tx);
    const locale = unit.locale === 'en' ? 'en' : 'zh-CN';
    const params = {
      unit: leave.unit_name,
      head: names.get(leave.head_person_id) ?? '',
      deputy: names.get(leave.deputy_person_id) ?? '',
      from: leave.start_date,
      to: leave.end_date,
    };
    await this.notifier.tell(
      tx,
      afterCommit,
      people,
      {
        kind: `leave.${leave.state}`,
        locale,
        link: '/duty/leave',
        title: say(key, params),
        body: leave.reason.slice(0, 200),
      },
      now,
    );
  }
}
