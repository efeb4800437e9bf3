import type { Executor } from '../../db/database.js';
import type { ReunificationPupilRow, ReunificationRefusalRow, ReunificationRow } from './reunification.table.js';

export type { ReunificationPupilRow, ReunificationRefusalRow, ReunificationRow };

/*
 * Reunification's tables, and the pupils they are about: the counts and the search join the roster's
 * `pupils` and `school_classes` (read only) because the state of each child is the join of both.
 */

export const find = (db: Executor, id: string): Promise<ReunificationRow | undefined> =>
  db.selectFrom('reunifications').selectAll().where('id', '=', id).executeTakeFirst();

export const openOfUnit = (db: Executor, unitId: string): Promise<ReunificationRow | undefined> =>
  db
    .selectFrom('reunifications')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('status', '=', 'open')
    .executeTakeFirst();

export const ofUnit = (db: Executor, unitId: string): Promise<ReunificationRow[]> =>
  db.selectFrom('reunifications').selectAll().where('unit_id', '=', unitId).orderBy('opened_at', 'desc').execute();

export async function insert(db: Executor, row: ReunificationRow, staff: string[]): Promise<void> {
  await db.insertInto('reunifications').values(row).execute();
  await db
    .insertInto('reunification_staff')
    .values(staff.map((person_id) => ({ reunification_id: row.id, person_id })))
    .execute();
}

export async function close(db: Executor, id: string, by: string | null, at: string): Promise<void> {
  await db
    .updateTable('reunifications')
    .set({ status: 'closed', closed_by_person_id: by, closed_at: at })
    .where('id', '=', id)
    .execute();
}

/** The release staff by name. */
export const staffOf = (db: Executor, id: string): Promise<{ id: string; name: string }[]> =>
  db
    .selectFrom('reunification_staff as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['p.id', 'p.name'])
    .where('s.reunification_id', '=', id)
    .orderBy('p.name')
    .execute();

/** Open reunifications where the person releases children, with the school's name. */
export const openWhereStaff = (db: Executor, personId: string) =>
  db
    .selectFrom('reunification_staff as s')
    .innerJoin('reunifications as r', 'r.id', 's.reunification_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.unit_id', 'r.point', 'r.opened_at', 'u.name as unit_name'])
    .where('s.person_id', '=', personId)
    .where('r.status', '=', 'open')
    .execute();

export async function counts(db: Executor, r: ReunificationRow) {
  const pupils = await db
    .selectFrom('pupils')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('unit_id', '=', r.unit_id)
    .executeTakeFirstOrThrow();
  const outcomes = await db
    .selectFrom('reunification_pupils')
    .select(['state'])
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('reunification_id', '=', r.id)
    .groupBy('state')
    .execute();
  const refused = await db
    .selectFrom('reunification_refusals')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('reunification_id', '=', r.id)
    .executeTakeFirstOrThrow();
  const of = (state: string) => Number(outcomes.find((o) => o.state === state)?.n ?? 0);
  const total = Number(pupils.n);
  return {
    pupils: total,
    released: of('released'),
    absent: of('absent'),
    waiting: total - of('released') - of('absent'),
    refused: Number(refused.n),
  };
}

export const outcomeOf = (db: Executor, reunificationId: string, pupilId: string) =>
  db
    .selectFrom('reunification_pupils')
    .selectAll()
    .where('reunification_id', '=', reunificationId)
    .where('pupil_id', '=', pupilId)
    .executeTakeFirst();

export async function insertOutcome(db: Executor, row: ReunificationPupilRow): Promise<void> {
  await db.insertInto('reunification_pupils').values(row).execute();
}

export async function insertRefusal(db: Executor, row: ReunificationRefusalRow): Promise<void> {
  await db.insertInto('reunification_refusals').values(row).execute();
}

/** Who has been released or marked absent, newest first, with the child's class and the staff's name. */
export const outcomesOf = (db: Executor, id: string) =>
  db
    .selectFrom('reunification_pupils as o')
    .innerJoin('pupils as p', 'p.id', 'o.pupil_id')
    .innerJoin('school_classes as c', 'c.id', 'p.class_id')
    .innerJoin('people as s', 's.id', 'o.staff_person_id')
    .selectAll('o')
    .select(['p.name as pupil_name', 'c.name as class_name', 's.name as staff_name'])
    .where('o.reunification_id', '=', id)
    .orderBy('o.at', 'desc')
    .execute();

export const refusalsOf = (db: Executor, id: string) =>
  db
    .selectFrom('reunification_refusals as f')
    .innerJoin('pupils as p', 'p.id', 'f.pupil_id')
    .innerJoin('school_classes as c', 'c.id', 'p.class_id')
    .innerJoin('people as s', 's.id', 'f.staff_person_id')
    .selectAll('f')
    .select(['p.name as pupil_name', 'c.name as class_name', 's.name as staff_name'])
    .where('f.reunification_id', '=', id)
    .orderBy('f.at', 'desc')
    .execute();

export const SEARCH_MAX = 30;
/** The whole school, as the phone keeps it offline. */
export const SCHOOL_MAX = 5000;

/** Pupils of the school whose name contains `q` (or of one class), with their state in this reunification. */
export const searchPupils = (
  db: Executor,
  r: ReunificationRow,
  q: string | undefined,
  classId: string | undefined,
  limit = SEARCH_MAX,
) =>
  db
    .selectFrom('pupils as p')
    .innerJoin('school_classes as c', 'c.id', 'p.class_id')
    .leftJoin('reunification_pupils as o', (j) =>
      j.onRef('o.pupil_id', '=', 'p.id').on('o.reunification_id', '=', r.id),
    )
    .select(['p.id', 'p.name', 'p.class_id', 'c.name as class_name', 'o.state'])
    .where('p.unit_id', '=', r.unit_id)
    // lower() on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
    .$if(q !== undefined, (s) =>
      s.where((eb) => eb(eb.fn('lower', ['p.name']), 'like', `%${q!.toLowerCase().replace(/[%_\\]/g, '')}%`)),
    )
    .$if(classId !== undefined, (s) => s.where('p.class_id', '=', classId!))
    .orderBy('c.name')
    .orderBy('p.name')
    .limit(limit)
    .execute();

/** A pupil of the school with their class's name. */
export const pupilOf = (db: Executor, unitId: string, pupilId: string) =>
  db
    .selectFrom('pupils as p')
    .innerJoin('school_classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.name', 'p.class_id', 'c.name as class_name'])
    .where('p.id', '=', pupilId)
    .where('p.unit_id', '=', unitId)
    .executeTakeFirst();

/** A release or absence stored under the phone's key. */
export const outcomeByKey = (db: Executor, key: string) =>
  db.selectFrom('reunification_pupils').selectAll().where('client_key', '=', key).executeTakeFirst();

/** A refusal stored under the phone's key. */
export const refusalByKey = (db: Executor, key: string) =>
  db.selectFrom('reunification_refusals').selectAll().where('client_key', '=', key).executeTakeFirst();

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
