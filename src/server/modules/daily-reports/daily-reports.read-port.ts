import { DateTime } from 'luxon';
import type { Executor } from '../../db/database.js';
import type { RecordFact } from '../../lib/record-facts.js';
import { CODE } from './day-codes.js';
import { monthRows } from './daily-reports.repository.js';
import { inSubtrees, subtree } from '../../db/subtree.js';

/*
 * The daily-reports module's read port: what other modules (assessment, analytics) may know of
 * the reports, from the month rows the matrix reads. Only days already over count.
 */

/** A required day's outcome; `pending` days are not over and never counted. */
export type DayOutcome = 'on_time' | 'late' | 'missing';

const OUTCOME: Record<string, DayOutcome | undefined> = {
  [CODE.onTime]: 'on_time',
  [CODE.late]: 'late',
  [CODE.overdue]: 'missing',
  [CODE.missing]: 'missing',
  [CODE.pending]: 'missing',
};

export interface DayRecord {
  unitId: string;
  day: string;
  outcome: DayOutcome;
}

/** Required days of every unit under `path`, local dates from `fromDay` to `lastDay` (both included). */
export async function requiredDays(db: Executor, path: string, fromDay: string, lastDay: string): Promise<DayRecord[]> {
  if (lastDay < fromDay) return [];
  const rows = await db
    .selectFrom('daily_report_months as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.unit_id', 'm.month', 'm.days'])
    .where((eb) => subtree(eb, 'u.path', path))
    .where('m.month', '>=', fromDay.slice(0, 7))
    .where('m.month', '<=', lastDay.slice(0, 7))
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
export async function dailyReportFacts(
  db: Executor,
  path: string,
  fromDay: string,
  lastDay: string,
): Promise<RecordFact[]> {
  return (await requiredDays(db, path, fromDay, lastDay)).map((d) => ({
    unitId: d.unitId,
    kind: 'daily_report',
    id: `${d.unitId}:${d.day}`,
    at: d.day,
    ok: d.outcome === 'on_time',
    label: d.outcome,
    link: `/daily-reports/matrix?month=${d.day.slice(0, 7)}`,
  }));
}

/** The Monday of a local date's ISO week. */
export const weekOf = (day: string) => DateTime.fromISO(day, { zone: 'UTC' }).startOf('week').toISODate()!;

/** Late or missing once the day is over, by character code (month rows are ASCII). */
const LATE_OR_MISSING = new Uint8Array(128);
for (const code of [CODE.late, CODE.overdue, CODE.missing, CODE.pending]) LATE_OR_MISSING[code.charCodeAt(0)] = 1;

/**
 * Late and missing days per unit under `path` and week, as counts indexed like `weeks` (their
 * Mondays, in order), with each unit's path for grouping; no row or string per day is made: each
 * month's day → week index is worked out once, and characters are looked up in a table.
 */
export async function lateOrMissingByWeek(
  db: Executor,
  path: string,
  fromDay: string,
  lastDay: string,
  weeks: string[],
): Promise<Map<string, { path: string; counts: Int32Array }>> {
  const out = new Map<string, { path: string; counts: Int32Array }>();
  if (lastDay < fromDay) return out;
  const months: string[] = [];
  for (
    let m = DateTime.fromISO(fromDay).startOf('month');
    m.toISODate()!.slice(0, 7) <= lastDay.slice(0, 7);
    m = m.plus({ months: 1 })
  ) {
    months.push(m.toISODate()!.slice(0, 7));
  }
  // As the matrix reads them: the subtree's units once, then the month rows by their leading key
  // (a join per row costs SQLite more than the reading itself at county scale).
  const paths = new Map(
    (
      await db
        .selectFrom('units')
        .select(['id', 'path'])
        .where((eb) => subtree(eb, 'path', path))
        .execute()
    ).map((u) => [u.id, u.path]),
  );
  const rows = await monthRows(db, months, [...paths.keys()]);
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const slotsByMonth = new Map(
    months.map((month) => {
      const slots = new Int8Array(31).fill(-1);
      const length = DateTime.fromISO(`${month}-01`).daysInMonth ?? 31;
      for (let i = 0; i < length; i++) {
        const day = `${month}-${String(i + 1).padStart(2, '0')}`;
        if (day >= fromDay && day <= lastDay) slots[i] = weekIndex.get(weekOf(day)) ?? -1;
      }
      return [month, slots] as const;
    }),
  );
  for (const row of rows) {
    const slots = slotsByMonth.get(row.month)!;
    const days = row.days;
    let entry = out.get(row.unit_id);
    for (let i = 0; i < days.length; i++) {
      if (LATE_OR_MISSING[days.charCodeAt(i)] !== 1 || slots[i]! < 0) continue;
      if (!entry)
        out.set(row.unit_id, (entry = { path: paths.get(row.unit_id)!, counts: new Int32Array(weeks.length) }));
      entry.counts[slots[i]!]! += 1;
    }
  }
  return out;
}

/** A unit whose report for today (in its own zone) is past its deadline and still not in. */
export interface OverdueToday {
  unitId: string;
  unitName: string;
  day: string;
}

/** Units under any of `paths` whose today is marked overdue (the late timer fired, nothing sent). */
export async function overdueToday(db: Executor, paths: string[], now: Date): Promise<OverdueToday[]> {
  if (paths.length === 0) return [];
  const zones = await db
    .selectFrom('units')
    .select('time_zone')
    .distinct()
    .where((eb) => inSubtrees(eb, 'path', paths))
    .execute();
  const todayOf = new Map(zones.map((z) => [z.time_zone, DateTime.fromJSDate(now).setZone(z.time_zone).toISODate()!]));
  const months = [...new Set([...todayOf.values()].map((d) => d.slice(0, 7)))];
  const rows = await db
    .selectFrom('daily_report_months as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.unit_id', 'u.name', 'u.time_zone', 'm.month', 'm.days'])
    .where((eb) => inSubtrees(eb, 'u.path', paths))
    .where('m.month', 'in', months)
    .execute();
  const out: OverdueToday[] = [];
  for (const r of rows) {
    const day = todayOf.get(r.time_zone)!;
    if (day.slice(0, 7) === r.month && r.days.charAt(Number(day.slice(8)) - 1) === CODE.overdue)
      out.push({ unitId: r.unit_id, unitName: r.name, day });
  }
  return out;
}
