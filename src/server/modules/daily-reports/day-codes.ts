import { DateTime } from 'luxon';
import type { DailyStatus, StatusCounts } from '../../../common/schemas/daily-reports.js';

/*
 * One character per unit and local day, in `daily_report_months.days`:
 *
 *   .  nothing decided yet (before the day was planned, or Steady was not running) → not required
 *   -  the plans in force did not require a report that day                        → not required
 *   p  required, not in yet, deadline not passed                                    → pending
 *   L  required, deadline passed, not in yet (marked late by the engine)            → late
 *   m  required, the day ended without a report                                     → missing
 *   o  reported by the deadline                                                     → on time
 *   l  reported after the deadline                                                  → late
 *   x  reported on a day that did not require it                                    → not required
 */
export const CODE = {
  unknown: '.',
  notRequired: '-',
  pending: 'p',
  overdue: 'L',
  missing: 'm',
  onTime: 'o',
  late: 'l',
  unrequired: 'x',
} as const;
export type Code = (typeof CODE)[keyof typeof CODE];

export const DAYS_IN_ROW = 31;
export const EMPTY_MONTH = CODE.unknown.repeat(DAYS_IN_ROW);

/**
 * The effective status of a day from its code. A day already over in the unit's zone that still
 * waits for a report counts as missing even before the engine has marked it (the engine may lag).
 */
export function statusOf(code: string, dayIsPast: boolean): DailyStatus {
  switch (code) {
    case CODE.onTime:
      return 'on_time';
    case CODE.late:
      return 'late';
    case CODE.overdue:
      return dayIsPast ? 'missing' : 'late';
    case CODE.pending:
      return dayIsPast ? 'missing' : 'pending';
    case CODE.missing:
      return 'missing';
    default:
      return 'not_required';
  }
}

/** The code stored for a report, from the status it was judged to have. */
export const codeForReport = (status: DailyStatus): Code =>
  status === 'on_time' ? CODE.onTime : status === 'late' ? CODE.late : CODE.unrequired;

export const monthOf = (day: string) => day.slice(0, 7);
export const dayIndex = (day: string) => Number(day.slice(8, 10));

/** The code for `day` in a month row (or "." when there is no row). */
export const codeAt = (days: string | undefined, day: string): string =>
  days?.charAt(dayIndex(day) - 1) || CODE.unknown;

/** Local dates from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let d = DateTime.fromISO(from, { zone: 'UTC' });
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  while (d <= end) {
    out.push(d.toISODate()!);
    d = d.plus({ days: 1 });
  }
  return out;
}

export const plusDays = (day: string, n: number) =>
  DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: n }).toISODate()!;

/** The months (`YYYY-MM`) a list of days touches. */
export const monthsOf = (days: string[]) => [...new Set(days.map(monthOf))];

export const emptyCounts = (): StatusCounts => ({ on_time: 0, late: 0, missing: 0, not_required: 0, pending: 0 });

/** ISO week label, e.g. 2027-W02, and its Monday. */
export function isoWeek(day: string): { week: string; monday: string } {
  const d = DateTime.fromISO(day, { zone: 'UTC' });
  return { week: `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`, monday: d.startOf('week').toISODate()! };
}
