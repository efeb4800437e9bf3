import type { Executor } from '../../db/database.js';

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

/** The units module's read port: every unit under `path` (itself included), in tree order. */
export async function unitsUnder(db: Executor, path: string): Promise<UnitBrief[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name', 'type', 'path', 'depth', 'parent_id', 'time_zone', 'locale', 'enrolment'])
    .where('path', 'like', `${path}%`)
    .orderBy('path')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    path: r.path,
    depth: r.depth,
    parentId: r.parent_id,
    timeZone: r.time_zone,
    locale: r.locale,
    enrolment: r.enrolment,
  }));
}

/** One unit, or undefined. */
export async function unitBrief(db: Executor, id: string): Promise<UnitBrief | undefined> {
  const r = await db
    .selectFrom('units')
    .select(['id', 'name', 'type', 'path', 'depth', 'parent_id', 'time_zone', 'locale', 'enrolment'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      name: r.name,
      type: r.type,
      path: r.path,
      depth: r.depth,
      parentId: r.parent_id,
      timeZone: r.time_zone,
      locale: r.locale,
      enrolment: r.enrolment,
    }
  );
}

/** The units directly below one unit, by name. */
export async function childrenOf(db: Executor, id: string): Promise<{ id: string; name: string; path: string }[]> {
  return db.selectFrom('units').select(['id', 'name', 'path']).where('parent_id', '=', id).orderBy('name').execute();
}
