import { DateTime } from 'luxon';
import type { UnitType } from '../../common/org.js';
import type { Container } from '../container.js';
import type { UnitRow } from '../modules/units/units.table.js';
import type { Timeline } from './timeline.js';

/* What every part of the demo's past is written with: the units, the plan, and small helpers. */

/** A sample unit as loaded: its code (the usernames' prefix), its kind and its row. */
export interface DemoUnit {
  code: string;
  type: UnitType;
  row: UnitRow;
}

/** What the past holds, counted as it is written. */
export interface HistoryCounts {
  dailyReports: number;
  incidents: number;
  drills: number;
  inspections: number;
  tasks: number;
  visitors: number;
  cases: number;
}

/** What every part of the past is planned with. */
export interface HistoryPlan {
  c: Container;
  line: Timeline;
  random: () => number;
  /** Local dates, oldest first, from the first day of the past to today. */
  days: string[];
  units: DemoUnit[];
  counts: HistoryCounts;
  /** A moment of a local day in the sample county's zone. */
  at(day: string, time: string): Date;
  /** Picks one of `items`, the same one on every run. */
  pick<T>(items: readonly T[]): T;
  /** A whole number from `min` to `max` inclusive. */
  between(min: number, max: number): number;
}

/** Hour and minute as `HH:mm`. */
export const hhmm = (hour: number, minute: number) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** Whether a local date is Monday to Friday. */
export const isWeekday = (day: string) => DateTime.fromISO(day).weekday <= 5;

/** The schools and kindergartens: the units with a gate, daily reports, drills and inspections. */
export const campuses = (units: DemoUnit[]) => units.filter((u) => u.type === 'school' || u.type === 'kindergarten');
