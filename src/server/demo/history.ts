import { DateTime } from 'luxon';
import { localToUtc } from '../../common/time.js';
import type { Container } from '../container.js';
import { PLANNER_DEADLINE } from '../modules/daily-reports/daily-report-kinds.js';
import type { SettableClock } from './demo-clock.js';
import { planDailyReports } from './history-daily.js';
import { planIncidents } from './history-incidents.js';
import { planInspections } from './history-inspections.js';
import { planCases, planDrills, planVisitors } from './history-people.js';
import { seeded } from './sample-organisation.js';
import { Timeline } from './timeline.js';
import type { DemoUnit, HistoryCounts, HistoryPlan } from './history-plan.js';

export type { DemoUnit, HistoryCounts } from './history-plan.js';

/** How many days of past the demo writes. */
export const HISTORY_DAYS = 60;

/** The first moment of the past: 08:00 local, `HISTORY_DAYS` days before `end`. */
export function historyStart(end: Date, zone: string): Date {
  const day = DateTime.fromJSDate(end, { zone }).minus({ days: HISTORY_DAYS }).toISODate()!;
  return localToUtc(day, '08:00', zone);
}

/**
 * Plans the sample county's past — daily reports, incidents, drills, inspections and their tasks,
 * visitors and mediation cases — and plays it through the services up to `end`, with the clock
 * walking forward and the deadline engine firing as it goes. Seeded: the same past on every run.
 * `units` were created (and their plans published) at `historyStart(end)`.
 */
export async function writeHistory(
  c: Container,
  clock: SettableClock,
  units: DemoUnit[],
  end: Date,
): Promise<HistoryCounts> {
  const zone = units[0]!.row.time_zone;
  const line = new Timeline(c, clock, end, () => planNextAtMidnight(c, clock, zone));
  const random = seeded(20261206);
  const first = DateTime.fromJSDate(clock.now(), { zone }).startOf('day');
  const last = DateTime.fromJSDate(end, { zone }).startOf('day');
  const days: string[] = [];
  for (let d = first; d <= last; d = d.plus({ days: 1 })) days.push(d.toISODate()!);
  const counts: HistoryCounts = {
    dailyReports: 0,
    incidents: 0,
    drills: 0,
    inspections: 0,
    tasks: 0,
    visitors: 0,
    cases: 0,
  };
  const plan: HistoryPlan = {
    c,
    line,
    random,
    days,
    units,
    counts,
    at: (day, time) => localToUtc(day, time, zone),
    pick: (items) => items[Math.floor(random() * items.length)]!,
    between: (min, max) => min + Math.floor(random() * (max - min + 1)),
  };
  await startDailyPlanner(c, clock.now());
  // Each part draws from the one seeded sequence in a fixed order, so the whole past is repeatable.
  await planDailyReports(plan);
  await planInspections(plan);
  planIncidents(plan);
  planDrills(plan);
  planVisitors(plan);
  planCases(plan);
  await line.play();
  return counts;
}

/**
 * The daily-report planner decides each unit's day at its midnight; a running app starts it when
 * it is ready. The past begins before that: the planner is started (or moved) to its first moment.
 */
async function startDailyPlanner(c: Container, at: Date): Promise<void> {
  await c.dailyReports.scheduler.ensurePlanner();
  await c.engine.reschedule(c.db, { kind: PLANNER_DEADLINE, refId: 'planner', unitId: null, dueAt: at });
}

/**
 * A running planner also looks every ten minutes for units added since midnight; the past adds
 * none, so it sleeps to the next local midnight instead — 60 firings rather than 8,640.
 */
async function planNextAtMidnight(c: Container, clock: SettableClock, zone: string): Promise<void> {
  const next = DateTime.fromJSDate(clock.now(), { zone }).plus({ days: 1 }).startOf('day').toJSDate();
  await c.engine.reschedule(c.db, { kind: PLANNER_DEADLINE, refId: 'planner', unitId: null, dueAt: next });
}
