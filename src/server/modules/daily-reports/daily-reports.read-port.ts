import { DateTime } from 'luxon';
import type { Executor } from '../../db/database.js';
import type { RecordFact } from '../../lib/record-facts.js';
import { CODE } from './day-codes.js';

/*
 * The daily-reports module's read port: what other modules (assessment, analytics) may know of
 * the reports, from the month rows the matrix reads. Only days already over count.
 */

/** A required day's outcome; `pending` days are not over and never counted. */
export type DayOutcome = 'on_time' | 'late' | 'missing';

const OUTCOME: Record<string, DayOutcome | undefined> = {
  [CODE.onTime]: 'on_time', [CODE.late]: 'late', [CODE.overdue]: 'missing', [CODE.missing]: 'missing', [CODE.pending]: 'missing',
};

export interface DayRecord {
  unitId: string;
  day: string;
  outcome: DayOutcome;
}

/** Required days of every unit under `path`, local dates from `fromDay` to `lastDay` (both included). */
export async function requiredDays(db: Executor, path: string, fromDay: string, lastDay: string): Promise<DayRecord[]> {
  if (lastDay < fromDay) return [];
  const rows = await db.selectFrom('daily_report_months as m').innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.unit_id', 'm.month', 'm.days'])
    .where('u.path', 'like', `${path}%`).where('m.month', '>=', fromDay.slice(0, 7)).where('m.month', '<=', lastDay.slice(0, 7))
    .execute();
  const out: DayRecord[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.days.length; i++) {
      const outcome = OUTCOME[row.days[i]!];
      if (!outcome) continue;
      const day = `${row.month}-${String(i + 1).padStart(2, '0')}`;
      if (day >= fromDay && day <= lastDay) out.push({ unitId: row.unit_id, day, outcome });
    }
  }
  return out;
}

/** The same days as facts: on time counts as met. */
export async function dailyReportFacts(db: Executor, path: string, fromDay: string, lastDay: string): Promise<RecordFact[]> {
  return (await requiredDays(db, path, fromDay, lastDay)).map((d) => ({
    unitId: d.unitId, kind: 'daily_report', id: `${d.unitId}:${d.day}`, at: d.day, ok: d.outcome === 'on_time', label: d.outcome,
    link: `/daily-reports/matrix?month=${d.day.slice(0, 7)}`,
  }));
}

/** The Monday of a local date's ISO week. */
export const weekOf = (day: string) => DateTime.fromISO(day, { zone: 'UTC' }).startOf('week').toISODate()!;

/** Late and missing days per unit and ISO week (keyed by the week's Monday), without a row per day. */
export async function lateOrMissingByWeek(db: Executor, path: string, fromDay: string, lastDay: string): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (lastDay < fromDay) return out;
  const rows = await db.selectFrom('daily_report_months as m').innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.unit_id', 'm.month', 'm.days'])
    .where('u.path', 'like', `${path}%`).where('m.month', '>=', fromDay.slice(0, 7)).where('m.month', '<=', lastDay.slice(0, 7))
    .execute();
  const weekCache = new Map<string, string>();
  for (const row of rows) {
    for (let i = 0; i < row.days.length; i++) {
      const outcome = OUTCOME[row.days[i]!];
      if (!outcome || outcome === 'on_time') continue;
      const day = `${row.month}-${String(i + 1).padStart(2, '0')}`;
      if (day < fromDay || day > lastDay) continue;
      let week = weekCache.get(day);
      if (!week) weekCache.set(day, (week = weekOf(day)));
      const weeks = out.get(row.unit_id) ?? new Map<string, number>();
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
      out.set(row.unit_id, weeks);
    }
  }
  return out;
}
