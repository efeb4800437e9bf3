import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { CODE, codeAt, dayIndex, EMPTY_MONTH, monthOf } from './day-codes.js';
import type { DailyReportRow } from './daily-reports.table.js';
import { inSubtrees as pathsUnder } from '../../db/subtree.js';

export type { DailyReportRow };

/** What the matrix and the planner need of a unit. */
export interface UnitLine {
  id: string;
  name: string;
  parent_id: string | null;
  depth: number;
  path: string;
  time_zone: string;
}

type Within = string[] | null;

/** What deciding a unit's day needs of it: where it sits (for its plans) and its zone. */
export interface UnitPlace {
  id: string;
  path: string;
  time_zone: string;
}

function inSubtrees<QB extends { where: (...args: any[]) => QB }>(q: QB, within: Within): QB {
  return within === null ? q : q.where((eb: any) => pathsUnder<any, any>(eb, 'units.path', within));
}

/** One page of the subtrees' units, in tree order. */
export async function unitPage(db: Executor, within: Within, offset: number, limit: number): Promise<UnitLine[]> {
  if (within?.length === 0) return [];
  return inSubtrees(
    db
      .selectFrom('units')
      .select(['units.id', 'units.name', 'units.parent_id', 'units.depth', 'units.path', 'units.time_zone']),
    within,
  )
    .orderBy('units.path')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** Every unit of the subtrees with its zone: few columns, for counting. */
export async function unitZones(db: Executor, within: Within): Promise<{ id: string; time_zone: string }[]> {
  if (within?.length === 0) return [];
  return inSubtrees(db.selectFrom('units').select(['units.id', 'units.time_zone']), within).execute();
}

/** Above this many units a month is read whole and sifted here, rather than looked up unit by unit. */
const LOOKUP_MAX = 2000;
const CHUNK = 500;

/**
 * The month rows of the given units. A few units are looked up by key; a large subtree (a county)
 * reads the months whole — one sequential read — and keeps the rows of its units.
 */
export async function monthRows(
  db: Executor,
  months: string[],
  unitIds: string[],
): Promise<{ unit_id: string; month: string; days: string }[]> {
  if (months.length === 0 || unitIds.length === 0) return [];
  const base = () =>
    db.selectFrom('daily_report_months').select(['unit_id', 'month', 'days']).where('month', 'in', months);
  if (unitIds.length > LOOKUP_MAX) {
    const wanted = new Set(unitIds);
    return (await base().execute()).filter((r) => wanted.has(r.unit_id));
  }
  const out = [];
  for (let i = 0; i < unitIds.length; i += CHUNK)
    out.push(
      ...(await base()
        .where('unit_id', 'in', unitIds.slice(i, i + CHUNK))
        .execute()),
    );
  return out;
}

/** For one day of the given zones' units: how many hold each code (units without a row are absent). */
export async function codeCounts(
  db: Executor,
  within: Within,
  zones: string[],
  day: string,
): Promise<{ code: string; n: number }[]> {
  if (within?.length === 0) return [];
  const code = sql<string>`substr(daily_report_months.days, cast(${dayIndex(day)} as integer), 1)`;
  const rows = await inSubtrees(
    db
      .selectFrom('daily_report_months')
      .innerJoin('units', 'units.id', 'daily_report_months.unit_id')
      .select([code.as('code')])
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('daily_report_months.month', '=', monthOf(day))
      .where('units.time_zone', 'in', zones),
    within,
  )
    .groupBy(sql`1`)
    .execute();
  return rows.map((r) => ({ code: r.code, n: Number(r.n) }));
}

/**
 * For one day, how many units of the subtrees hold each code, per time zone; a unit without a month
 * row counts under ".". One pass over the units, which also tells which zones the subtrees hold.
 */
export async function codeCountsPerZone(
  db: Executor,
  within: Within,
  day: string,
): Promise<{ time_zone: string; code: string; n: number }[]> {
  if (within?.length === 0) return [];
  const code = sql<string>`coalesce(substr(m.days, cast(${dayIndex(day)} as integer), 1), ${CODE.unknown})`;
  const rows = await inSubtrees(
    db
      .selectFrom('units')
      .leftJoin('daily_report_months as m', (j) =>
        j.onRef('m.unit_id', '=', 'units.id').on('m.month', '=', monthOf(day)),
      )
      .select(['units.time_zone', code.as('code')])
      .select((e) => e.fn.countAll<number>().as('n')),
    within,
  )
    .groupBy(['units.time_zone', sql`2`])
    .execute();
  return rows.map((r) => ({ time_zone: r.time_zone, code: r.code, n: Number(r.n) }));
}

/** The given zones' units (every zone's: null) whose code on `day` is one of `codes`, in tree order. */
export async function unitsWithCode(
  db: Executor,
  within: Within,
  zones: string[] | null,
  day: string,
  codes: string[],
  limit: number,
) {
  if (within?.length === 0) return [];
  const code = sql<string>`substr(daily_report_months.days, cast(${dayIndex(day)} as integer), 1)`;
  return inSubtrees(
    db
      .selectFrom('daily_report_months')
      .innerJoin('units', 'units.id', 'daily_report_months.unit_id')
      .select(['units.id', 'units.name', code.as('code')])
      .where('daily_report_months.month', '=', monthOf(day))
      .$if(zones !== null, (q) => q.where('units.time_zone', 'in', zones!))
      .where(code, 'in', codes),
    within,
  )
    .orderBy('units.path')
    .limit(limit)
    .execute();
}

export async function codeOf(db: Executor, unitId: string, day: string): Promise<string> {
  const row = await db
    .selectFrom('daily_report_months')
    .select('days')
    .where('month', '=', monthOf(day))
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return codeAt(row?.days, day);
}

/**
 * Sets one day's code; with `onlyIf`, only when the day's code is one of those. The check and the
 * write are one UPDATE, so a report and the engine's late mark racing for the same day cannot
 * overwrite each other. Returns whether the day changed.
 */
export async function setCode(
  db: Executor,
  unitId: string,
  day: string,
  code: string,
  onlyIf?: string[],
): Promise<boolean> {
  await db
    .insertInto('daily_report_months')
    .values({ month: monthOf(day), unit_id: unitId, days: EMPTY_MONTH })
    .onConflict((oc) => oc.columns(['month', 'unit_id']).doNothing())
    .execute();
  return recode(db, unitId, day, code, onlyIf);
}

/** As `setCode`, where the month row is known to exist (the day has a code other than "."): one statement. */
export async function recode(
  db: Executor,
  unitId: string,
  day: string,
  code: string,
  onlyIf?: string[],
): Promise<boolean> {
  const i = dayIndex(day);
  const before = sql<string>`substr(days, 1, cast(${i - 1} as integer))`;
  const after = sql<string>`substr(days, cast(${i + 1} as integer))`;
  const result = await db
    .updateTable('daily_report_months')
    .set({ days: sql<string>`${before} || cast(${code} as text) || ${after}` })
    .where('month', '=', monthOf(day))
    .where('unit_id', '=', unitId)
    .$if(onlyIf !== undefined, (q) => q.where(sql<string>`substr(days, cast(${i} as integer), 1)`, 'in', onlyIf!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertReport(db: Executor, row: DailyReportRow): Promise<void> {
  await db.insertInto('daily_reports').values(row).execute();
}

/** What sending a report needs to know of a unit's day, and the sender's name for the answer. */
export interface DayBeforeReport {
  code: string;
  sent: boolean;
  senderName: string | null;
}

/**
 * The day's code, whether a report is already in and the sender's name, in one statement: three
 * scalar subqueries, each an index look-up, so a report in the burst pays one round trip for them.
 */
export async function dayBeforeReport(
  db: Executor,
  unitId: string,
  day: string,
  senderId: string | null,
): Promise<DayBeforeReport> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('daily_report_months')
        .select('days')
        .where('month', '=', monthOf(day))
        .where('unit_id', '=', unitId)
        .as('days'),
      eb
        .selectFrom('daily_reports')
        .select('id')
        .where('unit_id', '=', unitId)
        .where('day', '=', day)
        .limit(1)
        .as('report_id'),
      eb
        .selectFrom('people')
        .select('name')
        // A system actor has no person: no row, no name.
        .where('id', '=', senderId ?? '')
        .as('sender_name'),
    ])
    .executeTakeFirstOrThrow();
  return { code: codeAt(row.days ?? undefined, day), sent: row.report_id !== null, senderName: row.sender_name };
}

export async function findReport(db: Executor, unitId: string, day: string) {
  return db
    .selectFrom('daily_reports')
    .leftJoin('people', 'people.id', 'daily_reports.submitted_by_person_id')
    .selectAll('daily_reports')
    .select('people.name as submitted_by_name')
    .where('daily_reports.unit_id', '=', unitId)
    .where('daily_reports.day', '=', day)
    .executeTakeFirst();
}

export async function zones(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('units').select('time_zone').distinct().execute();
  return rows.map((r) => r.time_zone);
}

/** Units of a time zone whose `day` has not been planned yet (no row, or "." on that day). */
export async function unplanned(db: Executor, zone: string, day: string, limit: number): Promise<UnitPlace[]> {
  return db
    .selectFrom('units')
    .leftJoin('daily_report_months as m', (j) => j.onRef('m.unit_id', '=', 'units.id').on('m.month', '=', monthOf(day)))
    .select(['units.id', 'units.path', 'units.time_zone'])
    .where('units.time_zone', '=', zone)
    .where((eb) =>
      eb.or([
        eb('m.days', 'is', null),
        eb(sql<string>`substr(m.days, cast(${dayIndex(day)} as integer), 1)`, '=', '.'),
      ]),
    )
    .orderBy('units.id')
    .limit(limit)
    .execute();
}
