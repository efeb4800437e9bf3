import type { Executor } from '../../db/database.js';
import type { ChecklistRow, InspectionResultRow, InspectionRow, InspectionScheduleRow } from './inspections.table.js';
import type { InspectionPhotoRow } from '../../db/schema.js';

export type { ChecklistRow, InspectionPhotoRow, InspectionResultRow, InspectionRow, InspectionScheduleRow };

// Checklists

export const findChecklist = (db: Executor, id: string) =>
  db.selectFrom('checklists').selectAll().where('id', '=', id).executeTakeFirst();

export async function checklistsOf(db: Executor, unitId: string) {
  return db
    .selectFrom('checklists')
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('inspections')
        .select((e) => e.fn.max('submitted_at').as('m'))
        .whereRef('inspections.checklist_id', '=', 'checklists.id')
        .as('last_run_at'),
    )
    .where('unit_id', '=', unitId)
    .orderBy('created_at')
    .execute();
}

export async function insertChecklist(db: Executor, row: ChecklistRow): Promise<void> {
  await db.insertInto('checklists').values(row).execute();
}

export async function updateChecklist(db: Executor, id: string, changes: Partial<ChecklistRow>): Promise<void> {
  await db.updateTable('checklists').set(changes).where('id', '=', id).execute();
}

// Schedules

export const findSchedule = (db: Executor, id: string) =>
  db.selectFrom('inspection_schedules').selectAll().where('id', '=', id).executeTakeFirst();

export const schedulesOf = (db: Executor, unitId: string) =>
  db
    .selectFrom('inspection_schedules')
    .innerJoin('checklists', 'checklists.id', 'inspection_schedules.checklist_id')
    .selectAll('inspection_schedules')
    .select('checklists.name as checklist_name')
    .where('inspection_schedules.unit_id', '=', unitId)
    .orderBy('inspection_schedules.created_at')
    .execute();

export async function insertSchedule(db: Executor, row: InspectionScheduleRow): Promise<void> {
  await db.insertInto('inspection_schedules').values(row).execute();
}

export async function updateSchedule(db: Executor, id: string, changes: Partial<InspectionScheduleRow>): Promise<void> {
  await db.updateTable('inspection_schedules').set(changes).where('id', '=', id).execute();
}

export async function deleteSchedule(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('inspection_schedules').where('id', '=', id).execute();
}

/** Whether the checklist was run at or after `since`: a due reminder is then not needed. */
export async function ranSince(db: Executor, checklistId: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('inspections')
    .select('id')
    .where('checklist_id', '=', checklistId)
    .where('submitted_at', '>=', since)
    .executeTakeFirst();
  return Boolean(row);
}

// Inspections

export async function insertInspection(
  db: Executor,
  row: InspectionRow,
  results: InspectionResultRow[],
): Promise<void> {
  await db.insertInto('inspections').values(row).execute();
  if (results.length) await db.insertInto('inspection_results').values(results).execute();
}

const withNames = (db: Executor) =>
  db
    .selectFrom('inspections')
    .innerJoin('units', 'units.id', 'inspections.unit_id')
    .leftJoin('people', 'people.id', 'inspections.inspector_person_id')
    .selectAll('inspections')
    .select(['units.name as unit_name', 'units.path as unit_path', 'people.name as inspector_name']);

export const findInspection = (db: Executor, id: string) =>
  withNames(db).where('inspections.id', '=', id).executeTakeFirst();

export const resultsOf = (db: Executor, inspectionId: string) =>
  db
    .selectFrom('inspection_results')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .orderBy('position')
    .execute();

export async function listInspections(db: Executor, unitId: string, offset: number, limit: number) {
  const [rows, count] = await Promise.all([
    withNames(db)
      .where('inspections.unit_id', '=', unitId)
      .orderBy('submitted_at', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    db
      .selectFrom('inspections')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('unit_id', '=', unitId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

// Photos

export async function insertPhoto(db: Executor, row: InspectionPhotoRow): Promise<void> {
  await db.insertInto('inspection_photos').values(row).execute();
}

export const findPhoto = (db: Executor, id: string) =>
  db
    .selectFrom('inspection_photos')
    .innerJoin('units', 'units.id', 'inspection_photos.unit_id')
    .selectAll('inspection_photos')
    .select('units.path as unit_path')
    .where('inspection_photos.id', '=', id)
    .executeTakeFirst();

/** Of the given photos, those of this unit not yet attached to anything. */
export async function attachablePhotos(db: Executor, unitId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('inspection_photos')
    .select('id')
    .where('id', 'in', ids)
    .where('unit_id', '=', unitId)
    .where('attached_id', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

export async function deletePhoto(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('inspection_photos').where('id', '=', id).where('attached_id', 'is', null).execute();
}

export async function attachPhotos(
  db: Executor,
  ids: string[],
  kind: 'result' | 'event',
  attachedId: string,
): Promise<void> {
  if (ids.length)
    await db
      .updateTable('inspection_photos')
      .set({ attached_kind: kind, attached_id: attachedId })
      .where('id', 'in', ids)
      .execute();
}

/** Photo ids per attached record, oldest first. */
export async function photosOf(
  db: Executor,
  kind: 'result' | 'event',
  attachedIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (attachedIds.length === 0) return map;
  const rows = await db
    .selectFrom('inspection_photos')
    .select(['id', 'attached_id'])
    .where('attached_kind', '=', kind)
    .where('attached_id', 'in', attachedIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) map.set(r.attached_id!, [...(map.get(r.attached_id!) ?? []), r.id]);
  return map;
}

// People

/** A person of the unit: registered there or holding a role in it. */
export async function isPersonOf(db: Executor, personId: string, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', personId)
    .where((eb) =>
      eb.or([
        eb('home_unit_id', '=', unitId),
        eb.exists(
          eb
            .selectFrom('memberships')
            .select('id')
            .whereRef('memberships.person_id', '=', 'people.id')
            .where('memberships.unit_id', '=', unitId),
        ),
      ]),
    )
    .executeTakeFirst();
  return Boolean(row);
}
