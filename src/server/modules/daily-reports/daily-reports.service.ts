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
import { CLOSE_DEADLINE, dayRef, LATE_DEADLINE, REMIND_DEADLINE } from './daily-report-kinds.js';
import { CODE, codeForReport, statusOf } from './day-codes.js';
import { requireReporter, requireVisibleUnit } from './daily-reports.policy.js';
import { presentReport } from './daily-reports.presenter.js';
import * as repo from './daily-reports.repository.js';

/** Decides a unit's undecided day (the scheduler's planDay). */
export type PlanDay = (tx: Executor, unitId: string, day: string, zone: string, now: Date) => Promise<void>;

const NOT_REQUIRED: Requirement = { required: false, deadline: null, deadlineAt: null };
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

  private async requirement(unitId: string, day: string, zone: string, at: Date, db: Executor): Promise<Requirement> {
    const { rules } = await this.rules.forUnit(unitId, at, db);
    if (!rules.dailyReport.required) return { required: false, deadline: null, deadlineAt: null };
    return {
      required: true,
      deadline: rules.dailyReport.deadline,
      deadlineAt: localToUtc(day, rules.dailyReport.deadline, zone),
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
      if (await repo.findReport(tx, unit.id, day)) throw conflict('dailyReport.alreadySent', { day }, 'unitId');
      // Not decided, or decided as not required before a plan published since: decide it now, as the planner will.
      const before = await repo.codeOf(tx, unit.id, day);
      if (before === CODE.unknown || before === CODE.notRequired) {
        await repo.setCode(tx, unit.id, day, CODE.unknown, [CODE.notRequired]);
        await this.planDay(tx, unit.id, day, unit.time_zone, now);
      }
      const code = await repo.codeOf(tx, unit.id, day);
      const need =
        code === CODE.pending || code === CODE.overdue
          ? await this.requirement(unit.id, day, unit.time_zone, now, tx)
          : NOT_REQUIRED;
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
      await repo.setCode(tx, unit.id, day, codeForReport(status));
      const ref = dayRef(unit.id, day);
      for (const kind of [REMIND_DEADLINE, LATE_DEADLINE, CLOSE_DEADLINE]) await this.engine.cancel(tx, kind, ref);
      await this.audit.record(tx, actor, {
        action: 'daily-report.send',
        entity: 'daily_report',
        entityId: row.id,
        unitId: unit.id,
        after: { day, status, zero: row.zero === 1, items: items.length },
      });
      afterCommit(() => this.bus.publish({ kind: 'daily-report', unitId: unit.id, unitPath: unit.path, day }));
      const name = actor.kind === 'account' ? await this.personName(tx, actor.personId) : null;
      return presentReport({ ...row, submitted_by_name: name });
    });
  }

  private async personName(db: Executor, personId: string): Promise<string | null> {
    const row = await db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirst();
    return row?.name ?? null;
  }

  /** The reporting screen: today in the unit's own zone, what is required, and what was sent. */
  async today(actor: Actor, unitId: string): Promise<z.infer<typeof TodayView>> {
    const unit = requireVisibleUnit(actor, await unitsPort.findById(this.db, unitId), 'unitId');
    const now = this.clock.now();
    const day = localDate(now, unit.time_zone);
    const [need, code, report] = await Promise.all([
      this.requirement(unit.id, day, unit.time_zone, now, this.db),
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
