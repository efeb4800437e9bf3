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

/** Ids and paths of every unit under `path` (itself included): few columns, for grouping a large tree. */
export async function unitPathsUnder(db: Executor, path: string): Promise<{ id: string; path: string }[]> {
  return db.selectFrom('units').select(['id', 'path']).where('path', 'like', `${path}%`).execute();
}

/** The units directly below one unit, by name. */
export async function childrenOf(db: Executor, id: string): Promise<{ id: string; name: string; path: string }[]> {
  return db.selectFrom('units').select(['id', 'name', 'path']).where('parent_id', '=', id).orderBy('name').execute();
}

/** Names of units by id. */
export async function unitNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}
