import { sql, type Expression, type SqlBool, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { UnitRow, UnitTable, UnitUpdate } from './units.table.js';
import { inSubtrees, subtree } from '../../db/subtree.js';
import { precompiled } from '../../db/precompiled.js';
import { allColumns, type EveryColumn } from '../../db/columns.js';

export type UnitWithCount = UnitRow & { child_count: number | null };

const childCount = (eb: ExpressionBuilder<Database, 'units'>) =>
  eb
    .selectFrom('units as c')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('c.parent_id', '=', 'units.id')
    .as('child_count');

/** Every column of `units` (the type checks that none is left out). */
const EVERY_UNIT_COLUMN: EveryColumn<UnitTable> = {
  id: true,
  parent_id: true,
  name: true,
  type: true,
  time_zone: true,
  locale: true,
  path: true,
  depth: true,
  enrolment: true,
  created_at: true,
  updated_at: true,
};
/** Named, for the statements kept prepared (see `db/columns.ts`). */
const UNIT_COLUMNS = allColumns('units', EVERY_UNIT_COLUMN);

export async function findById(db: Executor, id: string): Promise<UnitWithCount | undefined> {
  return db.selectFrom('units').select(UNIT_COLUMNS).select(childCount).where('id', '=', id).executeTakeFirst();
}

/** The unit's own row, without counting its children (for access checks and writes below it). */
export async function findRow(db: Executor, id: string): Promise<UnitRow | undefined> {
  return rowById.executeTakeFirst(db, { id });
}

// Compiled once: every access check on a unit reads its row.
const rowById = precompiled({ id: true }, (db, p: { id: string }) =>
  db.selectFrom('units').select(UNIT_COLUMNS).where('id', '=', p.id),
);

/** The unit of `path` and every unit above it, nearest first: whom a reporting chain can name. */
export async function lineage(db: Executor, path: string): Promise<{ id: string; type: string; name: string }[]> {
  const ids = path.split('/').filter(Boolean).reverse();
  const found = new Map((await findByIds(db, ids)).map((u) => [u.id, u]));
  return ids.flatMap((id) => {
    const unit = found.get(id);
    return unit ? [{ id, type: unit.type, name: unit.name }] : [];
  });
}

export async function findByIds(db: Executor, ids: string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
}

export interface UnitFilter {
  /** Only inside these subtrees (path prefixes); null means everywhere. */
  within: string[] | null;
  parentId?: string;
  /** Only units whose path is exactly one of these. */
  paths?: string[];
  nameContains?: string;
  /** Only units with no parent. */
  topLevel?: boolean;
}

function applyFilter(filter: UnitFilter) {
  return (eb: ExpressionBuilder<Database, 'units'>) => {
    const parts: Expression<SqlBool>[] = [];
    if (filter.within) parts.push(inSubtrees(eb, 'units.path', filter.within));
    if (filter.parentId) parts.push(eb('units.parent_id', '=', filter.parentId));
    if (filter.topLevel) parts.push(eb('units.parent_id', 'is', null));
    if (filter.paths) parts.push(eb('units.path', 'in', filter.paths));
    if (filter.nameContains) parts.push(eb('units.name', 'like', `%${filter.nameContains.replace(/[%_]/g, '')}%`));
    return eb.and(parts);
  };
}

export async function list(
  db: Executor,
  filter: UnitFilter,
  offset: number,
  limit: number,
): Promise<{ rows: UnitWithCount[]; total: number }> {
  if (filter.within?.length === 0 || filter.paths?.length === 0) return { rows: [], total: 0 };
  const where = applyFilter(filter);
  const [rows, count] = await Promise.all([
    db
      .selectFrom('units')
      .selectAll()
      .select(childCount)
      .where(where)
      .orderBy('path')
      .offset(offset)
      .limit(limit)
      .execute(),
    db
      .selectFrom('units')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insert(db: Executor, row: UnitRow): Promise<void> {
  await insertRow.execute(db, row);
}

// Compiled once, every column named.
const insertRow = precompiled(EVERY_UNIT_COLUMN, (db, row: UnitRow) => db.insertInto('units').values(row));

export async function update(db: Executor, id: string, changes: UnitUpdate): Promise<void> {
  await db.updateTable('units').set(changes).where('id', '=', id).execute();
}

/** Deepest depth inside a subtree, to keep a move within the depth limit. */
export async function maxDepthUnder(db: Executor, path: string): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((e) => e.fn.max('depth').as('d'))
    .where((eb) => subtree(eb, 'path', path))
    .executeTakeFirst();
  return Number(row?.d ?? 0);
}

/** Rewrites the path and depth of a whole subtree in one statement, on either database. */
export async function reparentSubtree(
  db: Executor,
  oldPath: string,
  newPath: string,
  depthDelta: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('units')
    .set({
      path: sql<string>`cast(${newPath} as text) || substr(path, cast(${oldPath.length + 1} as integer))`,
      depth: sql<number>`depth + cast(${depthDelta} as integer)`,
      updated_at: now,
    })
    .where((eb) => subtree(eb, 'path', oldPath))
    .execute();
}

export async function countAll(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
