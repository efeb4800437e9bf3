import type { Executor } from '../../db/database.js';
import type { PupilAdultRow, PupilRow, SchoolClassRow } from './rosters.table.js';

export type { PupilAdultRow, PupilRow, SchoolClassRow };

export interface PupilWithAdults extends PupilRow {
  adults: PupilAdultRow[];
}

export interface ClassWithCount extends SchoolClassRow {
  teacher_name: string | null;
  pupils: number;
}

/** A school's classes by name, each with its teacher's name and its count of pupils. */
export function classesOf(db: Executor, unitId: string, teacherPersonId?: string): Promise<ClassWithCount[]> {
  return db
    .selectFrom('school_classes as c')
    .leftJoin('people as t', 't.id', 'c.teacher_person_id')
    .selectAll('c')
    .select('t.name as teacher_name')
    .select((eb) =>
      eb
        .selectFrom('pupils as p')
        .whereRef('p.class_id', '=', 'c.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('pupils'),
    )
    .where('c.unit_id', '=', unitId)
    .$if(teacherPersonId !== undefined, (q) => q.where('c.teacher_person_id', '=', teacherPersonId!))
    .orderBy('c.name')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, pupils: Number(r.pupils ?? 0) })));
}

export const findClass = (db: Executor, id: string): Promise<SchoolClassRow | undefined> =>
  db.selectFrom('school_classes').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertClass(db: Executor, row: SchoolClassRow): Promise<void> {
  await db.insertInto('school_classes').values(row).execute();
}

export async function updateClass(
  db: Executor,
  id: string,
  change: Partial<Pick<SchoolClassRow, 'name' | 'teacher_person_id'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('school_classes').set(change).where('id', '=', id).execute();
}

export async function deleteClass(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('school_classes').where('id', '=', id).execute();
}

export const pupilsIn = (db: Executor, classId: string): Promise<PupilRow[]> =>
  db.selectFrom('pupils').selectAll().where('class_id', '=', classId).orderBy('name').orderBy('id').execute();

export const pupilsOfUnit = (db: Executor, unitId: string): Promise<PupilRow[]> =>
  db.selectFrom('pupils').selectAll().where('unit_id', '=', unitId).execute();

export const findPupil = (db: Executor, id: string): Promise<PupilRow | undefined> =>
  db.selectFrom('pupils').selectAll().where('id', '=', id).executeTakeFirst();

/** The adults of some pupils, in their order. */
export async function adultsOf(db: Executor, pupilIds: string[]): Promise<Map<string, PupilAdultRow[]>> {
  const out = new Map<string, PupilAdultRow[]>();
  for (let i = 0; i < pupilIds.length; i += 500) {
    const rows = await db
      .selectFrom('pupil_adults')
      .selectAll()
      .where('pupil_id', 'in', pupilIds.slice(i, i + 500))
      .orderBy('pupil_id')
      .orderBy('position')
      .execute();
    for (const r of rows) out.set(r.pupil_id, [...(out.get(r.pupil_id) ?? []), r]);
  }
  return out;
}

export async function insertPupil(db: Executor, row: PupilRow): Promise<void> {
  await db.insertInto('pupils').values(row).execute();
}

export async function updatePupil(
  db: Executor,
  id: string,
  change: Pick<PupilRow, 'name' | 'class_id' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('pupils').set(change).where('id', '=', id).execute();
}

/** Replaces a pupil's adults with the given ones (in this order). */
export async function replaceAdults(db: Executor, pupilId: string, adults: PupilAdultRow[]): Promise<void> {
  await db.deleteFrom('pupil_adults').where('pupil_id', '=', pupilId).execute();
  if (adults.length) await db.insertInto('pupil_adults').values(adults).execute();
}

/** Removes a pupil and every adult listed for them. */
export async function purgePupil(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('pupil_adults').where('pupil_id', '=', id).execute();
  await db.deleteFrom('pupils').where('id', '=', id).execute();
}

const CHUNK = 500;

/** Many rows at once, a chunk per statement (a whole school's roster in a few statements). */
export async function insertMany(
  db: Executor,
  table: 'school_classes' | 'pupils' | 'pupil_adults',
  rows: (SchoolClassRow | PupilRow | PupilAdultRow)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

export async function deleteAdultsOf(db: Executor, pupilIds: string[]): Promise<void> {
  for (let i = 0; i < pupilIds.length; i += CHUNK)
    await db
      .deleteFrom('pupil_adults')
      .where('pupil_id', 'in', pupilIds.slice(i, i + CHUNK))
      .execute();
}
