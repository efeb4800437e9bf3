import type { z } from 'zod';
import type { DailyItem, DailyStatus, DayDetail, TodayView } from '../../../common/schemas/daily-reports.js';
import { localDate, localToUtc } from '../../../common/time.js';
import { transactionWithHooks, type Db, type Executor } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { LiveBus } from '../../notify/live-bus.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import * as unitsPort from '../units/units.read-port.js';
import type { UnitRow } from '../units/units.table.js';
import { CLOSE_DEADLINE, dayRef, LATE_DEADLINE, REMIND_DEADLINE } from './daily-report-kinds.js';
import { CODE, codeForReport, statusOf } from './day-codes.js';
import { requireReporter, requireVisibleUnit } from './daily-reports.policy.js';
import { presentReport } from './daily-reports.presenter.js';
import * as repo from './daily-reports.repository.js';

/**
 * Decides a unit's day, undecided or (`from` "-") not required (the scheduler's planDay); returns the
 * code it gave the day, or null when the day changed meanwhile.
 */
export type PlanDay = (
  tx: Executor,
  unit: repo.UnitPlace,
  day: string,
  now: Date,
  from: string,
) => Promise<string | null>;

const NOT_REQUIRED: Requirement = { required: false, deadline: null, deadlineAt: null };
/** The timers of a required day; a report cancels them all. */
const DAY_KINDS = [REMIND_DEADLINE, LATE_DEADLINE, CLOSE_DEADLINE];
/** Codes of a day that required a report. */
const REQUIRED_CODES = new Set<string>([CODE.pending, CODE.overdue, CODE.onTime, CODE.late, CODE.missing]);

/** What the plans in force say about a unit's report today, at one moment. */
interface Requirement {
  required: boolean;
  deadline: string | null;
  deadlineAt: Date | null;
}

/**
 * A unit's own daily report: sending it (zero report or items) and reading its today. A report is
 * judged when it arrives: on a day the planner decided as required, before the deadline in force
 * on time and after it late; on any other day "not required" (and kept all the same). A day not
 * yet decided is decided first, as the planner would.
 */
export class DailyReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly rules: PlanRules,
    private readonly engine: DeadlineEngine,
    private readonly bus: LiveBus,
    private readonly planDay: PlanDay,
  ) {}

  /** The unit row just read is passed on, so the rules do not read it again. */
  private async requirement(unit: UnitRow, day: string, at: Date, db: Executor): Promise<Requirement> {
    const { rules } = await this.rules.forUnit(unit.id, at, db, unit);
    if (!rules.dailyReport.required) return NOT_REQUIRED;
    return {
      required: true,
      deadline: rules.dailyReport.deadline,
      deadlineAt: localToUtc(day, rules.dailyReport.deadline, unit.time_zone),
    };
  }

  submitZero(actor: Actor, unitId: string) {
    return this.submit(actor, unitId, []);
  }

  submitItems(actor: Actor, unitId: string, items: DailyItem[]) {
    if (items.length === 0) throw invalid('items', 'field.tooFewItems', { min: 1 });
    return this.submit(actor, unitId, items);
  }

  private async submit(actor: Actor, unitId: string, items: DailyItem[]) {
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const unit = requireVisibleUnit(actor, await unitsPort.findById(tx, unitId), 'unitId');
      requireReporter(actor, unit);
      const now = this.clock.now();
      const day = localDate(now, unit.time_zone);
      const before = await repo.dayBeforeReport(tx, unit.id, day, actor.kind === 'account' ? actor.personId : null);
      if (before.sent) throw conflict('dailyReport.alreadySent', { day }, 'unitId');
      // Deciding the day and judging the report ask for the same rules: read once in this transaction.
      this.rules.keepFor(tx);
      const rules = await this.requirement(unit, day, now, tx);
      const code = await this.decided(tx, unit, day, before.code, now);
      const need = code === CODE.pending || code === CODE.overdue ? rules : NOT_REQUIRED;
      const status: DailyStatus = !need.required ? 'not_required' : now < need.deadlineAt! ? 'on_time' : 'late';
      const row = {
        id: newId(),
        unit_id: unit.id,
        day,
        status,
        zero: items.length === 0 ? 1 : 0,
        items_json: JSON.stringify(items),
        deadline: need.deadline,
        submitted_at: now.toISOString(),
        submitted_by_person_id: actor.kind === 'account' ? actor.personId : null,
      };
      await repo.insertReport(tx, row);
      // The day is decided by now, so its month row exists.
      await repo.recode(tx, unit.id, day, codeForReport(status));
      await this.engine.cancelAll(tx, DAY_KINDS, dayRef(unit.id, day));
      await this.audit.record(tx, actor, {
        action: 'daily-report.send',
        entity: 'daily_report',
        entityId: row.id,
        unitId: unit.id,
        after: { day, status, zero: row.zero === 1, items: items.length },
      });
      afterCommit(() => this.bus.publish({ kind: 'daily-report', unitId: unit.id, unitPath: unit.path, day }));
      return presentReport({ ...row, submitted_by_name: before.senderName });
    });
  }

  /**
   * The day's code once decided. A day not decided, or decided as not required before a plan
   * published since, is decided now, as the planner will.
   */
  private async decided(tx: Executor, unit: UnitRow, day: string, code: string, now: Date): Promise<string> {
    if (code !== CODE.unknown && code !== CODE.notRequired) return code;
    const decided = await this.planDay(tx, unit, day, now, code);
    return decided ?? (await repo.codeOf(tx, unit.id, day));
  }

  /** The reporting screen: today in the unit's own zone, what is required, and what was sent. */
  async today(actor: Actor, unitId: string): Promise<z.infer<typeof TodayView>> {
    const unit = requireVisibleUnit(actor, await unitsPort.findById(this.db, unitId), 'unitId');
    const now = this.clock.now();
    const day = localDate(now, unit.time_zone);
    const [need, code, report] = await Promise.all([
      this.requirement(unit, day, now, this.db),
      repo.codeOf(this.db, unit.id, day),
      repo.findReport(this.db, unit.id, day),
    ]);
    // A day not decided yet (or decided before a plan published since) reads as the planner will decide it.
    const undecided = code === CODE.unknown || code === CODE.notRequired;
    const required = undecided ? need.required && now < need.deadlineAt! : REQUIRED_CODES.has(code);
    const status = report ? report.status : undecided ? (required ? 'pending' : 'not_required') : statusOf(code, false);
    return {
      unitId: unit.id,
      unitName: unit.name,
      day,
      timeZone: unit.time_zone,
      required,
      deadline: report?.deadline ?? (required ? need.deadline : null),
      deadlineAt: required ? need.deadlineAt!.toISOString() : null,
      status,
      report: report ? presentReport(report) : null,
    };
  }

  /** One unit-day for the matrix's drawer. */
  async day(actor: Actor, unitId: string, day: string): Promise<z.infer<typeof DayDetail>> {
    const unit = requireVisibleUnit(actor, await unitsPort.findById(this.db, unitId), 'unitId');
    const today = localDate(this.clock.now(), unit.time_zone);
    const [code, report] = await Promise.all([
      repo.codeOf(this.db, unit.id, day),
      repo.findReport(this.db, unit.id, day),
    ]);
    return {
      unitId: unit.id,
      unitName: unit.name,
      day,
      status: day > today ? null : statusOf(code, day < today),
      report: report ? presentReport(report) : null,
    };
  }
}
