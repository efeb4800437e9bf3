import type { Executor } from '../../db/database.js';

/*
 * The rosters module's read port, for the roll call: a school's classes with their teacher and the
 * ids of their pupils (never names), and the names of pupils by id, read at the moment a class's
 * list is opened — by a caller that has checked `rosters.policy` and logs the look.
 */

export interface ClassForRollCall {
  id: string;
  unitId: string;
  name: string;
  teacherPersonId: string | null;
  teacherName: string | null;
}

const classBase = (db: Executor) =>
  db
    .selectFrom('school_classes as c')
    .leftJoin('people as t', 't.id', 'c.teacher_person_id')
    .select(['c.id', 'c.unit_id', 'c.name', 'c.teacher_person_id', 't.name as teacher_name']);

const toClass = (r: {
  id: string;
  unit_id: string;
  name: string;
  teacher_person_id: string | null;
  teacher_name: string | null;
}): ClassForRollCall => ({
  id: r.id,
  unitId: r.unit_id,
  name: r.name,
  teacherPersonId: r.teacher_person_id,
  teacherName: r.teacher_name,
});

/** A school's classes by name, each with the ids of its pupils (by name order). */
export async function classesWithPupils(
  db: Executor,
  unitId: string,
): Promise<(ClassForRollCall & { pupilIds: string[] })[]> {
  const classes = (await classBase(db).where('c.unit_id', '=', unitId).orderBy('c.name').execute()).map(toClass);
  const pupils = await db
    .selectFrom('pupils')
    .select(['id', 'class_id'])
    .where('unit_id', '=', unitId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return classes.map((c) => ({ ...c, pupilIds: pupils.filter((p) => p.class_id === c.id).map((p) => p.id) }));
}

/** Classes by id (those that still exist). */
export async function classesById(db: Executor, ids: string[]): Promise<Map<string, ClassForRollCall>> {
  if (ids.length === 0) return new Map();
  const rows = await classBase(db).where('c.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toClass(r)]));
}

/** The names of pupils by id; a purged pupil is simply not there. */
export async function pupilNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('pupils')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}
