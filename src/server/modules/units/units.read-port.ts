import type { Executor } from '../../db/database.js';
import { subtree } from '../../db/subtree.js';

/** A unit as other modules' figures need it. */
export interface UnitBrief {
  id: string;
  name: string;
  type: string;
  path: string;
  depth: number;
  parentId: string | null;
  timeZone: string;
  locale: string;
  enrolment: number | null;
}

const briefOf = (db: Executor) =>
  db
    .selectFrom('units')
    .select(['id', 'name', 'type', 'path', 'depth', 'parent_id', 'time_zone', 'locale', 'enrolment']);
type BriefRow = Awaited<ReturnType<ReturnType<typeof briefOf>['execute']>>[number];
const toBrief = (r: BriefRow): UnitBrief => ({
  id: r.id,
  name: r.name,
  type: r.type,
  path: r.path,
  depth: r.depth,
  parentId: r.parent_id,
  timeZone: r.time_zone,
  locale: r.locale,
  enrolment: r.enrolment,
});

/** The units module's read port: every unit under `path` (itself included), in tree order. */
export async function unitsUnder(db: Executor, path: string): Promise<UnitBrief[]> {
  return (
    await briefOf(db)
      .where((eb) => subtree(eb, 'path', path))
      .orderBy('path')
      .execute()
  ).map(toBrief);
}

/** One unit, or undefined. */
export async function unitBrief(db: Executor, id: string): Promise<UnitBrief | undefined> {
  const row = await briefOf(db).where('id', '=', id).executeTakeFirst();
  return row && toBrief(row);
}

/** The units directly below one unit, by name. */
export async function childrenOf(db: Executor, id: string): Promise<{ id: string; name: string; path: string }[]> {
  return db.selectFrom('units').select(['id', 'name', 'path']).where('parent_id', '=', id).orderBy('name').execute();
}

/**
 * One unit, several, a unit's line up to the top, and a page of units within some subtrees (writes and moves stay the
 * module's own).
 */
export { findById, findByIds, lineage, list, type UnitWithCount } from './units.repository.js';
