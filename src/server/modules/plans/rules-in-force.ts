import { PlanContent, type PlanContent as Content } from '../../../common/schemas/plan-content.js';
import { periodBounds } from '../../../common/time.js';
import { stricterStages } from '../../../common/schemas/report-stage-rules.js';
import type { Db, Executor } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import * as unitsPort from '../units/units.read-port.js';
import * as repo from './plans.repository.js';

/** A special-period plan in force at the moment asked about. */
export interface PeriodInForce {
  planId: string;
  unitId: string;
  title: string;
  name: string;
  startsAt: string;
  endsAt: string | null;
}

/** The rules a unit lives by at one moment: its standing plan, made stricter by special periods. */
export interface RulesInForce {
  unitId: string;
  at: string;
  timeZone: string;
  standing: { planId: string; version: number; title: string } | null;
  specialPeriods: PeriodInForce[];
  rules: Content;
}

const DEFAULTS: Content = PlanContent.parse({});

/** What the rules need of a unit: where it sits and its time zone. */
type UnitPlace = { id: string; path: string; time_zone: string };

/**
 * The one way other modules learn what a unit's plans require. Nobody else reads plan tables, so
 * a published change takes effect everywhere at once.
 */
export class PlanRules {
  /** The rules already read in a transaction that asked to keep them (`keepFor`), by unit and moment. */
  private readonly kept = new WeakMap<object, Map<string, Promise<RulesInForce>>>();

  constructor(private readonly db: Db) {}

  /**
   * For the rest of this transaction, each unit's rules at one moment are read once. An incident
   * report asks for them three times — its chain, the head's named deputies, the staged reports'
   * deadlines — in modules that should not pass plan rows to each other, so the transaction keeps
   * them rather than every call taking an extra argument. Only a transaction that publishes no plan
   * may ask: it would go on reading the rules from before its own change.
   */
  keepFor(tx: Executor): void {
    if (tx.isTransaction && !this.kept.has(tx)) this.kept.set(tx, new Map());
  }

  /** `unit`, when the caller has just read the unit row, saves reading it again. */
  forUnit(unitId: string, at: Date, db: Executor = this.db, unit?: UnitPlace): Promise<RulesInForce> {
    const kept = this.kept.get(db);
    if (!kept) return this.read(unitId, at, db, unit);
    const key = `${unitId} ${at.toISOString()}`;
    let rules = kept.get(key);
    if (!rules) {
      rules = this.read(unitId, at, db, unit);
      kept.set(key, rules);
    }
    return rules;
  }

  private async read(unitId: string, at: Date, db: Executor, given?: UnitPlace): Promise<RulesInForce> {
    const unit = given?.id === unitId ? given : await unitsPort.findById(db, unitId);
    if (!unit) throw notFound();
    const lineage = unit.path.split('/').filter(Boolean);
    const published = await repo.publishedFor(db, lineage);
    const standing = published
      .filter((v) => v.kind === 'standing' && v.unit_id === unit.id)
      .sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? ''))[0];
    let rules: Content = standing ? PlanContent.parse(JSON.parse(standing.content_json)) : DEFAULTS;
    const specialPeriods: PeriodInForce[] = [];
    for (const v of published) {
      if (v.kind !== 'special_period' || !v.period_start) continue;
      if (v.unit_id !== unit.id && !v.covers_sub_units) continue;
      const { startsAt, endsAt } = periodBounds(v.period_start, v.period_end, unit.time_zone);
      if (at < startsAt || (endsAt && at >= endsAt)) continue;
      rules = stricter(rules, PlanContent.parse(JSON.parse(v.content_json)), v.unit_id === unit.id);
      specialPeriods.push({
        planId: v.plan_id,
        unitId: v.unit_id,
        title: v.title,
        name: v.period_name ?? '',
        startsAt: startsAt.toISOString(),
        endsAt: endsAt?.toISOString() ?? null,
      });
    }
    return {
      unitId: unit.id,
      at: at.toISOString(),
      timeZone: unit.time_zone,
      standing: standing ? { planId: standing.plan_id, version: standing.version, title: standing.title } : null,
      specialPeriods,
      rules,
    };
  }
}

const earlier = (a: string, b: string) => (a <= b ? a : b);

type PatrolWindow = NonNullable<Content['duty']['patrolWindow']>;
const DAY = 24 * 60;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** A window's length in minutes; an end at or before the start is the next morning (the patrol planner's reading). */
const lengthOf = (w: PatrolWindow) => (minutesOf(w.end) - minutesOf(w.start) + DAY) % DAY || DAY;

/**
 * The shortest window that covers both: 22:00–06:00 and 20:00–05:00 give 20:00–06:00. Patrols
 * then run wherever either plan wants them, so a special period never narrows the hours patrolled.
 */
export function coveringWindow(a: PatrolWindow | null, b: PatrolWindow | null): PatrolWindow | null {
  if (!a || !b) return a ?? b;
  const from = (first: PatrolWindow, second: PatrolWindow) => {
    const offset = (minutesOf(second.start) - minutesOf(first.start) + DAY) % DAY;
    return { start: minutesOf(first.start), length: Math.max(lengthOf(first), offset + lengthOf(second)) };
  };
  const [x, y] = [from(a, b), from(b, a)];
  const best = y.length < x.length ? y : x;
  if (best.length >= DAY) return { start: timeOf(best.start), end: timeOf(best.start) };
  return { start: timeOf(best.start), end: timeOf(best.start + best.length) };
}

/**
 * A special period makes the rules stricter, never looser: a requirement either plan sets holds,
 * the earlier deadline and the larger count win, and patrols cover both plans' windows. A parent's
 * period lends its requirements, not its chain, because its chain names people in the parent unit.
 * Drill requirements (counted per term), visitor-record retention and the texts stay the standing
 * plan's: a period of days does not change what a term must hold or how long records are kept.
 */
export function stricter(base: Content, special: Content, ownUnit: boolean): Content {
  const daily = special.dailyReport.required
    ? {
        required: true,
        deadline: base.dailyReport.required
          ? earlier(base.dailyReport.deadline, special.dailyReport.deadline)
          : special.dailyReport.deadline,
      }
    : base.dailyReport;
  return {
    ...base,
    dailyReport: daily,
    leaveApprovalRequired: base.leaveApprovalRequired || special.leaveApprovalRequired,
    duty: {
      twentyFourHour: base.duty.twentyFourHour || special.duty.twentyFourHour,
      shiftPattern: ownUnit ? special.duty.shiftPattern : base.duty.shiftPattern,
      dutyLeaderRequired: base.duty.dutyLeaderRequired || special.duty.dutyLeaderRequired,
      patrolWindow: coveringWindow(base.duty.patrolWindow, special.duty.patrolWindow),
      minUnannouncedPatrols: Math.max(base.duty.minUnannouncedPatrols, special.duty.minUnannouncedPatrols),
      minPatrolsPerDay: Math.max(base.duty.minPatrolsPerDay, special.duty.minPatrolsPerDay),
      gateStaffed24h: base.duty.gateStaffed24h || special.duty.gateStaffed24h,
    },
    reportingChain: ownUnit && special.reportingChain.length ? special.reportingChain : base.reportingChain,
    procedures: ownUnit && special.procedures.length ? special.procedures : base.procedures,
    reportStages: stricterStages(base.reportStages, special.reportStages),
  };
}
