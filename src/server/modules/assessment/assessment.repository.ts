import type { Executor } from '../../db/database.js';
import { subtree } from '../../db/subtree.js';
import type {
  AssessmentAnswerRow,
  AssessmentHandScoreRow,
  AssessmentItemRow,
  AssessmentSheetRow,
} from './assessment.table.js';

/** The assessment module's only Kysely code: sheets, their items, hand scores and answers. */

export type SheetWithUnit = AssessmentSheetRow & { unit_name: string; unit_path: string; unit_time_zone: string };

export async function insertSheet(tx: Executor, sheet: AssessmentSheetRow, items: AssessmentItemRow[]): Promise<void> {
  await tx.insertInto('assessment_sheets').values(sheet).execute();
  if (items.length) await tx.insertInto('assessment_items').values(items).execute();
}

const sheetColumns = (db: Executor) =>
  db
    .selectFrom('assessment_sheets as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .selectAll('s')
    .select(['u.name as unit_name', 'u.path as unit_path', 'u.time_zone as unit_time_zone']);

export async function findSheet(db: Executor, id: string): Promise<SheetWithUnit | undefined> {
  return sheetColumns(db).where('s.id', '=', id).executeTakeFirst();
}

/** Sheets of the units on the given paths (the reader's own units and everything above them) or below them. */
export async function sheetsNear(db: Executor, within: string[] | null, above: string[]): Promise<SheetWithUnit[]> {
  return sheetColumns(db)
    .$if(within !== null, (q) =>
      q.where((eb) =>
        eb.or([...within!.map((p) => subtree(eb, 'u.path', p)), ...(above.length ? [eb('u.id', 'in', above)] : [])]),
      ),
    )
    .orderBy('s.period_start', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
}

export async function activeItems(db: Executor, sheetId: string): Promise<AssessmentItemRow[]> {
  return db
    .selectFrom('assessment_items')
    .selectAll()
    .where('sheet_id', '=', sheetId)
    .where('removed_at', 'is', null)
    .orderBy('position')
    .execute();
}

export async function updateItem(tx: Executor, id: string, changes: Partial<AssessmentItemRow>): Promise<void> {
  await tx.updateTable('assessment_items').set(changes).where('id', '=', id).execute();
}

export async function insertItems(tx: Executor, items: AssessmentItemRow[]): Promise<void> {
  if (items.length) await tx.insertInto('assessment_items').values(items).execute();
}

export async function touchSheet(tx: Executor, id: string, at: string): Promise<void> {
  await tx.updateTable('assessment_sheets').set({ updated_at: at }).where('id', '=', id).execute();
}

export async function handScores(db: Executor, itemIds: string[], unitId?: string): Promise<AssessmentHandScoreRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('assessment_hand_scores')
    .selectAll()
    .where('item_id', 'in', itemIds)
    .$if(unitId !== undefined, (q) => q.where('unit_id', '=', unitId!))
    .execute();
}

export async function answers(db: Executor, itemIds: string[], unitId?: string): Promise<AssessmentAnswerRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('assessment_answers')
    .selectAll()
    .where('item_id', 'in', itemIds)
    .$if(unitId !== undefined, (q) => q.where('unit_id', '=', unitId!))
    .execute();
}

export async function saveHandScore(tx: Executor, row: AssessmentHandScoreRow): Promise<void> {
  await tx
    .deleteFrom('assessment_hand_scores')
    .where('item_id', '=', row.item_id)
    .where('unit_id', '=', row.unit_id)
    .execute();
  await tx.insertInto('assessment_hand_scores').values(row).execute();
}

export async function saveAnswer(tx: Executor, row: AssessmentAnswerRow): Promise<void> {
  await tx
    .deleteFrom('assessment_answers')
    .where('item_id', '=', row.item_id)
    .where('unit_id', '=', row.unit_id)
    .execute();
  await tx.insertInto('assessment_answers').values(row).execute();
}
