import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import type { Role } from '../../../common/org.js';
import { localDate, localToUtc, nextDay } from '../../../common/time.js';
import type { AfterCommit, Db, Executor } from '../../db/database.js';
import type { DeadlineRow } from '../../engine/deadlines.table.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import type { MessageKey } from '../../lib/messages.js';
import { say } from '../../lib/wording.js';
import type { LiveBus } from '../../notify/live-bus.js';
import type { Notifier } from '../../notify/notifier.js';
import { engineActor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as peoplePort from '../people/people.read-port.js';
import type { PublishNotice } from '../plans/plans.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import * as unitsPort from '../units/units.read-port.js';
import { CODE } from './day-codes.js';
import { PARENT_WATCH_ROLES, REPORTER_ROLES } from './daily-reports.policy.js';
import * as repo from './daily-reports.repository.js';
import { CLOSE_DEADLINE, dayRef, LATE_DEADLINE, PLANNER_DEADLINE, REMIND_DEADLINE } from './daily-report-kinds.js';

const PLANNER_REF = 'planner';
/** The planner looks in at least this often, for new units and zones. */
const PLANNER_EVERY_MS = 10 * 60_000;
/** Units planned per firing; the planner comes straight back for the rest. */
const PLAN_BATCH = 500;
const REMIND_BEFORE_MS = 3_600_000;

/** Day codes that publishing a plan may decide again: nothing has been sent or marked yet. */
const OPEN_CODES: string[] = [CODE.unknown, CODE.notRequired, CODE.pending];
const DAY_KINDS = [REMIND_DEADLINE, LATE_DEADLINE, CLOSE_DEADLINE];

const localeOf = (unit: { locale: string }): Locale => (unit.locale === 'en' ? 'en' : 'zh-CN');

/**
 * Keeps each unit's day: at local midnight decides whether the plans in force require a report
 * and, when they do, schedules that day's reminder (an hour before the deadline), its late mark
 * (at the deadline) and its missing mark (at the end of the local day) as deadline rows, so they
 * fire on time across restarts and in every unit's own zone.
 *
 * The planner itself is one standing deadline row that re-arms itself after each firing — at the
 * next local midnight of any zone in use, and at least every ten minutes so new units and zones are
 * picked up — instead of leaving one fired row behind per firing. A plan published during a day
 * (the plans module tells `planPublished`) decides that day again for every unit below it, in the
 * publishing transaction, so it applies the same day when the deadline is still ahead. A day first decided after its
 * deadline has passed
 * (Steady was not running at midnight, or the plan came late) is not required: nobody is marked
 * late for a rule they could not have known in time.
 */
export class DailyReportScheduler {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly rules: PlanRules,
    private readonly engine: DeadlineEngine,
    private readonly notifier: Notifier,
    private readonly bus: LiveBus,
  ) {}

  /** At start: makes sure the planner row exists and is alive (a failed one is started afresh). */
  async ensurePlanner(): Promise<void> {
    await this.db
      .transaction()
      .execute((tx) =>
        this.engine.rearm(tx, { kind: PLANNER_DEADLINE, refId: PLANNER_REF, unitId: null, dueAt: this.clock.now() }),
      );
  }

  async onPlanner(tx: Executor, deadline: DeadlineRow, now: Date): Promise<void> {
    const zones = await repo.zones(tx);
    let budget = PLAN_BATCH;
    let nextMidnight = now.getTime() + PLANNER_EVERY_MS;
    for (const zone of zones) {
      const today = localDate(now, zone);
      nextMidnight = Math.min(nextMidnight, localToUtc(nextDay(today), '00:00', zone).getTime());
      if (budget === 0) continue;
      const units = await repo.unplanned(tx, zone, today, budget);
      for (const unit of units) await this.planDay(tx, unit, today, now);
      budget -= units.length;
    }
    await this.engine.rearm(
      tx,
      {
        kind: PLANNER_DEADLINE,
        refId: PLANNER_REF,
        unitId: null,
        dueAt: new Date(budget === 0 ? now.getTime() : nextMidnight),
      },
      deadline,
    );
  }

  /**
   * A plan just published (called in its transaction): today of every unit it can reach, each in
   * its own zone, is decided again under the rules now in force — code, reminder, late and missing
   * timers moved — before the publish commits. Units whose new deadline has already passed today
   * keep today as it was; the answer says so, for the publisher to hear.
   */
  async planPublished(tx: Executor, unitId: string, now: Date): Promise<PublishNotice[]> {
    const unit = await unitsPort.findById(tx, unitId);
    if (!unit) return [];
    const late = new Map<string, { deadline: string; day: string; units: number }>();
    for (const { id, time_zone: zone } of await repo.unitZones(tx, [unit.path])) {
      const day = localDate(now, zone);
      const deadline = await this.redecide(tx, id, day, zone, now);
      if (!deadline) continue;
      const key = `${deadline}|${day}`;
      late.set(key, { deadline, day, units: (late.get(key)?.units ?? 0) + 1 });
    }
    return [...late.values()].map((params) => ({
      field: 'content.dailyReport.deadline',
      key: 'dailyReport.fromTomorrow',
      params,
    }));
  }

  /**
   * Decides a unit's open day (undecided, not required, pending) again by the rules in force now.
   * Returns the deadline (`HH:MM`) when the rules require a report whose deadline today has passed:
   * that requirement applies from tomorrow. A day already reported, late or missing stays.
   */
  private async redecide(tx: Executor, unitId: string, day: string, zone: string, now: Date): Promise<string | null> {
    const code = await repo.codeOf(tx, unitId, day);
    if (!OPEN_CODES.includes(code)) return null;
    const { rules } = await this.rules.forUnit(unitId, now, tx);
    const refId = dayRef(unitId, day);
    if (!rules.dailyReport.required) {
      await repo.setCode(tx, unitId, day, CODE.notRequired, [code]);
      await this.engine.cancelAll(tx, DAY_KINDS, refId);
      return null;
    }
    const deadlineAt = localToUtc(day, rules.dailyReport.deadline, zone);
    if (now >= deadlineAt) {
      // Nobody is late for a rule they could not have known in time; a day already pending keeps
      // the deadline it was given.
      if (code !== CODE.pending) await repo.setCode(tx, unitId, day, CODE.notRequired, [code]);
      return rules.dailyReport.deadline;
    }
    if (await repo.setCode(tx, unitId, day, CODE.pending, [code]))
      await this.scheduleDay(tx, unitId, day, zone, deadlineAt, now);
    return null;
  }

  /**
   * The day's timers: the reminder an hour before the deadline (at once when the deadline is
   * nearer than that), the late mark at the deadline, the missing mark at local midnight. Timers
   * already waiting are moved, so a changed deadline replaces the old one (two statements for the three).
   */
  private async scheduleDay(
    tx: Executor,
    unitId: string,
    day: string,
    zone: string,
    deadlineAt: Date,
    now: Date,
  ): Promise<void> {
    const refId = dayRef(unitId, day);
    const remindAt = new Date(Math.max(deadlineAt.getTime() - REMIND_BEFORE_MS, now.getTime()));
    await this.engine.rescheduleAll(tx, [
      { kind: REMIND_DEADLINE, refId, unitId, dueAt: remindAt },
      { kind: LATE_DEADLINE, refId, unitId, dueAt: deadlineAt },
      { kind: CLOSE_DEADLINE, refId, unitId, dueAt: localToUtc(nextDay(day), '00:00', zone) },
    ]);
  }

  /**
   * Decides one unit's undecided day by the rules in force now: required (and its deadlines
   * scheduled) when a report is required and its deadline is still ahead; otherwise not required.
   * `from` is the code the caller saw: "." (undecided), or "-" for a day decided as not required
   * before a plan published since. Returns the code it gave the day, or null when the day changed
   * meanwhile (someone else decided it).
   */
  async planDay(
    tx: Executor,
    unit: repo.UnitPlace,
    day: string,
    now: Date,
    from: string = CODE.unknown,
  ): Promise<string | null> {
    const { id: unitId, time_zone: zone } = unit;
    const { rules } = await this.rules.forUnit(unitId, now, tx, unit);
    const deadlineAt = localToUtc(day, rules.dailyReport.deadline, zone);
    // A day holding a code other than "." has its month row already: one statement to change it.
    const set = (code: string) =>
      from === CODE.unknown ? repo.setCode(tx, unitId, day, code, [from]) : repo.recode(tx, unitId, day, code, [from]);
    if (!rules.dailyReport.required || now >= deadlineAt)
      return (await set(CODE.notRequired)) ? CODE.notRequired : null;
    if (!(await set(CODE.pending))) return null;
    await this.scheduleDay(tx, unitId, day, zone, deadlineAt, now);
    return CODE.pending;
  }

  /**
   * A required day whose plans no longer require it (withdrawn or changed since) is not required
   * after all. Asked at the deadline's own time, so a firing delayed past the day (a restart)
   * still judges the day by that day's rules.
   */
  private async stillRequired(tx: Executor, unitId: string, day: string, deadline: DeadlineRow): Promise<boolean> {
    const { rules } = await this.rules.forUnit(unitId, new Date(deadline.due_at), tx);
    if (rules.dailyReport.required) return true;
    await repo.setCode(tx, unitId, day, CODE.notRequired, [CODE.pending]);
    return false;
  }

  private async context(tx: Executor, deadline: DeadlineRow) {
    const [unitId, day] = deadline.ref_id.split('@') as [string, string];
    const unit = await unitsPort.findById(tx, unitId);
    return unit ? { unit, day } : null;
  }

  private async holders(tx: Executor, unitId: string, roles: readonly Role[]): Promise<string[]> {
    const lists = await Promise.all(roles.map((role) => peoplePort.personIdsWithRole(tx, unitId, role)));
    return [...new Set(lists.flat())];
  }

  /** An hour before the deadline: the unit's head, safety officer and duty people, if nothing is in. */
  async onRemind(tx: Executor, deadline: DeadlineRow, now: Date, afterCommit: AfterCommit): Promise<void> {
    const found = await this.context(tx, deadline);
    if (!found || (await repo.codeOf(tx, found.unit.id, found.day)) !== CODE.pending) return;
    if (!(await this.stillRequired(tx, found.unit.id, found.day, deadline))) return;
    // The deadline is the late timer's: a reminder sent at once is less than an hour before it.
    const lateAt =
      (await this.engine.dueAt(tx, LATE_DEADLINE, deadline.ref_id)) ??
      new Date(Date.parse(deadline.due_at) + REMIND_BEFORE_MS);
    const due = DateTime.fromJSDate(lateAt).setZone(found.unit.time_zone).toFormat('HH:mm');
    await this.tell(
      tx,
      afterCommit,
      now,
      found.unit,
      await this.holders(tx, found.unit.id, REPORTER_ROLES),
      'daily-report.reminder',
      'dailyReport.reminderTitle',
      'dailyReport.reminderBody',
      { deadline: due, day: found.day },
    );
  }

  /** At the deadline with nothing in: marked late; the parent unit hears, and so does the unit. */
  async onLate(tx: Executor, deadline: DeadlineRow, now: Date, afterCommit: AfterCommit): Promise<void> {
    const found = await this.context(tx, deadline);
    if (!found || (await repo.codeOf(tx, found.unit.id, found.day)) !== CODE.pending) return;
    if (!(await this.stillRequired(tx, found.unit.id, found.day, deadline))) return;
    if (!(await repo.setCode(tx, found.unit.id, found.day, CODE.overdue, [CODE.pending]))) return;
    const { unit, day } = found;
    const due = DateTime.fromISO(deadline.due_at).setZone(unit.time_zone).toFormat('HH:mm');
    await this.audit.record(tx, engineActor, {
      action: 'daily-report.late',
      entity: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      after: { day, deadline: due },
    });
    await this.tellParent(
      tx,
      afterCommit,
      now,
      unit,
      'daily-report.late',
      'dailyReport.lateTitle',
      'dailyReport.lateBody',
      { deadline: due, day },
    );
    await this.tell(
      tx,
      afterCommit,
      now,
      unit,
      await this.holders(tx, unit.id, REPORTER_ROLES),
      'daily-report.overdue',
      'dailyReport.overdueTitle',
      'dailyReport.overdueBody',
      { deadline: due, day },
    );
    afterCommit(() => this.bus.publish({ kind: 'daily-report', unitId: unit.id, unitPath: unit.path, day }));
  }

  /** At the end of the local day with nothing in: missing (漏报), and the parent unit hears. */
  async onClose(tx: Executor, deadline: DeadlineRow, now: Date, afterCommit: AfterCommit): Promise<void> {
    const found = await this.context(tx, deadline);
    if (!found || !(await repo.setCode(tx, found.unit.id, found.day, CODE.missing, [CODE.pending, CODE.overdue])))
      return;
    const { unit, day } = found;
    await this.audit.record(tx, engineActor, {
      action: 'daily-report.missing',
      entity: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      after: { day },
    });
    await this.tellParent(
      tx,
      afterCommit,
      now,
      unit,
      'daily-report.missing',
      'dailyReport.missingTitle',
      'dailyReport.missingBody',
      { day },
    );
    afterCommit(() => this.bus.publish({ kind: 'daily-report', unitId: unit.id, unitPath: unit.path, day }));
  }

  private async tellParent(
    tx: Executor,
    afterCommit: AfterCommit,
    now: Date,
    unit: unitsPort.UnitWithCount,
    kind: string,
    title: MessageKey,
    body: MessageKey,
    params: Record<string, string>,
  ) {
    if (!unit.parent_id) return;
    const parent = await unitsPort.findById(tx, unit.parent_id);
    if (!parent) return;
    let people = await this.holders(tx, parent.id, PARENT_WATCH_ROLES);
    if (people.length === 0) people = await this.holders(tx, parent.id, ['accountable_head', 'supervisor']);
    await this.tell(
      tx,
      afterCommit,
      now,
      { ...unit, locale: parent.locale },
      people,
      kind,
      title,
      body,
      params,
      `/daily-reports/matrix?unit=${parent.id}`,
    );
  }

  private async tell(
    tx: Executor,
    afterCommit: AfterCommit,
    now: Date,
    unit: { id: string; name: string; locale: string },
    people: string[],
    kind: string,
    title: MessageKey,
    body: MessageKey,
    params: Record<string, string>,
    link = `/daily-reports?unit=${unit.id}`,
  ): Promise<void> {
    const locale = localeOf(unit);
    const all = { ...params, unit: unit.name };
    await this.notifier.tell(
      tx,
      afterCommit,
      people,
      { kind, locale, link, title: say(title, all), body: say(body, all) },
      now,
    );
  }
}
