import { inSubtrees } from '../../db/subtree.js';
import type { Executor } from '../../db/database.js';
import type { DrillRow } from './drills.table.js';

/** A drill with its unit's name, as every answer shows it. */
export type DrillWithUnit = DrillRow & { unit_name: string };

export const findDrill = (db: Executor, id: string): Promise<DrillRow | undefined> =>
  db.selectFrom('drills').selectAll().where('id', '=', id).executeTakeFirst();

/** One drill with its unit's path (for the access check) and name. */
export const findWithUnit = (db: Executor, id: string) =>
  db
    .selectFrom('drills')
    .innerJoin('units', 'units.id', 'drills.unit_id')
    .selectAll('drills')
    .select(['units.path as unit_path', 'units.name as unit_name'])
    .where('drills.id', '=', id)
    .executeTakeFirst();

export async function insertDrill(db: Executor, row: DrillRow): Promise<void> {
  await db.insertInto('drills').values(row).execute();
}

export async function updateDrill(db: Executor, id: string, changes: Partial<DrillRow>): Promise<void> {
  await db.updateTable('drills').set(changes).where('id', '=', id).execute();
}

/** A page of drills of the units under `within` (every unit when null), newest first, and the total. */
export async function list(
  db: Executor,
  within: string[] | null,
  offset: number,
  limit: number,
): Promise<{ rows: DrillWithUnit[]; total: number }> {
  const base = db
    .selectFrom('drills')
    .innerJoin('units', 'units.id', 'drills.unit_id')
    .$if(within !== null, (q) => q.where((eb) => inSubtrees(eb, 'units.path', within!)));
  const [rows, count] = await Promise.all([
    base
      .selectAll('drills')
      .select('units.name as unit_name')
      .orderBy('drills.created_at', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The units under `within` (every unit when null) whose drill compliance is read, in tree order. */
export const unitsWithin = (db: Executor, within: string[] | null) =>
  db
    .selectFrom('units')
    .select(['id', 'name', 'path', 'type', 'time_zone'])
    .$if(within !== null, (q) => q.where((eb) => inSubtrees(eb, 'path', within!)))
    .orderBy('path')
    .execute();

/** Drills done by the units named that started within [since, until]. */
export async function doneSince(db: Executor, unitIds: string[], since: string, until: string) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('drills')
    .select(['unit_id', 'type', 'started_at', 'ended_at'])
    .where('status', '=', 'done')
    .where('unit_id', 'in', unitIds)
    .where('started_at', '>=', since)
    .where('started_at', '<=', until)
    .execute();
}
