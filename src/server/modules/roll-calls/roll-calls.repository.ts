import type { DialectName, Executor } from '../../db/database.js';
import { inSubtrees } from '../../db/subtree.js';
import type { MarkStatus } from '../../../common/schemas/roll-calls.js';
import type { RollCallAlertRow, RollCallMarkRow, RollCallRow, RollCallSubjectRow } from './roll-calls.table.js';

export type { RollCallAlertRow, RollCallMarkRow, RollCallRow, RollCallSubjectRow };

export type RollCallWithUnit = RollCallRow & {
  unit_name: string;
  unit_path: string;
  unit_locale: string;
  unit_time_zone: string;
  started_by_name: string | null;
};

const withUnit = (db: Executor) =>
  db
    .selectFrom('roll_calls as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('people as p', 'p.id', 'r.started_by_person_id')
    .selectAll('r')
    .select([
      'u.name as unit_name',
      'u.path as unit_path',
      'u.locale as unit_locale',
      'u.time_zone as unit_time_zone',
      'p.name as started_by_name',
    ]);

/** One roll call with its unit; locked for the transaction on PostgreSQL when asked (marks wait for each other). */
export const findRollCall = (db: Executor, id: string, lock?: DialectName): Promise<RollCallWithUnit | undefined> =>
  withUnit(db)
    .where('r.id', '=', id)
    .$if(lock === 'postgres', (q) => q.forUpdate('r'))
    .executeTakeFirst();

export const openRollCallOf = (db: Executor, unitId: string) =>
  db.selectFrom('roll_calls').select('id').where('unit_id', '=', unitId).where('state', '=', 'open').executeTakeFirst();

export async function insertRollCall(db: Executor, row: RollCallRow): Promise<void> {
  await db.insertInto('roll_calls').values(row).execute();
}

export async function updateRollCall(db: Executor, id: string, changes: Partial<RollCallRow>): Promise<void> {
  await db.updateTable('roll_calls').set(changes).where('id', '=', id).execute();
}

const CHUNK = 300;

export async function insertSubjects(db: Executor, rows: RollCallSubjectRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('roll_call_subjects')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** A page of roll calls of units under `within` (every unit when null), newest first. */
export async function list(
  db: Executor,
  within: string[] | null,
  filter: { drillId?: string; incidentId?: string; state?: 'open' | 'closed' },
  offset: number,
  limit: number,
): Promise<{ rows: RollCallWithUnit[]; total: number }> {
  const base = db
    .selectFrom('roll_calls as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .$if(within !== null, (q) => q.where((eb) => inSubtrees(eb, 'u.path', within!)))
    .$if(filter.drillId !== undefined, (q) => q.where('r.drill_id', '=', filter.drillId!))
    .$if(filter.incidentId !== undefined, (q) => q.where('r.incident_id', '=', filter.incidentId!))
    .$if(filter.state !== undefined, (q) => q.where('r.state', '=', filter.state!));
  const [ids, count] = await Promise.all([
    base.select('r.id').orderBy('r.started_at', 'desc').orderBy('r.id', 'desc').offset(offset).limit(limit).execute(),
    base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  if (ids.length === 0) return { rows: [], total: Number(count.n) };
  const rows = await withUnit(db)
    .where(
      'r.id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
  const order = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { rows, total: Number(count.n) };
}

/** Per group (and for all), how many have each latest status: one query over the subjects. */
export interface GroupTally {
  roll_call_id: string;
  group_key: string;
  status: MarkStatus | null;
  n: number;
  /** The latest first mark among them. */
  last: string | null;
}

export async function tallies(db: Executor, rollCallIds: string[]): Promise<GroupTally[]> {
  if (rollCallIds.length === 0) return [];
  const rows = await db
    .selectFrom('roll_call_subjects')
    .select((eb) => [
      'roll_call_id',
      'group_key',
      'status',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.max('first_marked_at').as('last'),
    ])
    .where('roll_call_id', 'in', rollCallIds)
    .groupBy(['roll_call_id', 'group_key', 'status'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), last: r.last ?? null }));
}

/** Group keys of a roll call in the order they were listed (classes by name, then staff, then visitors). */
export async function groupKeys(db: Executor, rollCallId: string): Promise<{ group_key: string; kind: string }[]> {
  return db
    .selectFrom('roll_call_subjects')
    .select(['group_key', 'kind'])
    .select((eb) => eb.fn.min('position').as('first'))
    .where('roll_call_id', '=', rollCallId)
    .groupBy(['group_key', 'kind'])
    .orderBy('first')
    .execute();
}

export const subjectsOf = (db: Executor, rollCallId: string, groupKey?: string): Promise<RollCallSubjectRow[]> =>
  db
    .selectFrom('roll_call_subjects')
    .selectAll()
    .where('roll_call_id', '=', rollCallId)
    .$if(groupKey !== undefined, (q) => q.where('group_key', '=', groupKey!))
    .orderBy('position')
    .execute();

export async function subjectsByIds(db: Executor, ids: string[]): Promise<RollCallSubjectRow[]> {
  const out: RollCallSubjectRow[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('roll_call_subjects')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** The marks of some subjects, oldest first (by the time they were made, then arrival). */
export async function marksOf(
  db: Executor,
  subjectIds: string[],
): Promise<(RollCallMarkRow & { marked_by_name: string | null })[]> {
  const out: (RollCallMarkRow & { marked_by_name: string | null })[] = [];
  for (let i = 0; i < subjectIds.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('roll_call_marks as m')
        .leftJoin('people as p', 'p.id', 'm.marked_by_person_id')
        .selectAll('m')
        .select('p.name as marked_by_name')
        .where('m.subject_id', 'in', subjectIds.slice(i, i + 500))
        .orderBy('m.marked_at')
        .orderBy('m.id')
        .execute()),
    );
  return out;
}

/** Marks already stored under these keys. */
export async function marksByKeys(db: Executor, rollCallId: string, keys: string[]): Promise<RollCallMarkRow[]> {
  const out: RollCallMarkRow[] = [];
  for (let i = 0; i < keys.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('roll_call_marks')
        .selectAll()
        .where('roll_call_id', '=', rollCallId)
        .where('idempotency_key', 'in', keys.slice(i, i + 500))
        .execute()),
    );
  return out;
}

export async function insertMarks(db: Executor, rows: RollCallMarkRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('roll_call_marks')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** The subject's latest status becomes this mark's when it was made later (ties: the later id). */
export async function applyLatest(db: Executor, mark: RollCallMarkRow): Promise<boolean> {
  const result = await db
    .updateTable('roll_call_subjects')
    .set({ status: mark.status, status_marked_at: mark.marked_at, status_mark_id: mark.id })
    .where('id', '=', mark.subject_id)
    .where((eb) =>
      eb.or([
        eb('status_marked_at', 'is', null),
        eb('status_marked_at', '<', mark.marked_at),
        eb.and([eb('status_marked_at', '=', mark.marked_at), eb('status_mark_id', '<', mark.id)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The subject was reported at this time if not earlier. */
export async function firstMarked(db: Executor, mark: RollCallMarkRow): Promise<void> {
  await db
    .updateTable('roll_call_subjects')
    .set({ first_marked_at: mark.marked_at })
    .where('id', '=', mark.subject_id)
    .where((eb) => eb.or([eb('first_marked_at', 'is', null), eb('first_marked_at', '>', mark.marked_at)]))
    .execute();
}

/** How many are not yet marked at all, and the latest first mark: the roll call is complete at it when none is left. */
export async function completion(db: Executor, rollCallId: string): Promise<{ open: number; last: string | null }> {
  const row = await db
    .selectFrom('roll_call_subjects')
    .select((eb) => [
      eb.fn.sum<number | string>(eb.case().when('status', 'is', null).then(1).else(0).end()).as('open'),
      eb.fn.max('first_marked_at').as('last'),
    ])
    .where('roll_call_id', '=', rollCallId)
    .executeTakeFirstOrThrow();
  return { open: Number(row.open ?? 0), last: row.last ?? null };
}

export const openAlertOf = (db: Executor, subjectId: string) =>
  db
    .selectFrom('roll_call_alerts')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();

export async function insertAlert(db: Executor, row: RollCallAlertRow): Promise<void> {
  await db.insertInto('roll_call_alerts').values(row).execute();
}

export async function closeAlert(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('roll_call_alerts').set({ closed_at: at }).where('id', '=', id).execute();
}

export const alertsOf = (db: Executor, rollCallId: string) =>
  db
    .selectFrom('roll_call_alerts as a')
    .innerJoin('roll_call_subjects as s', 's.id', 'a.subject_id')
    .selectAll('a')
    .select(['s.group_key', 's.kind'])
    .where('a.roll_call_id', '=', rollCallId)
    .orderBy('a.opened_at')
    .orderBy('a.id')
    .execute();
