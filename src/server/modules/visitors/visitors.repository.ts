import type { Executor } from '../../db/database.js';
import type { VisitorRow } from './visitors.table.js';

export type { VisitorRow };

export interface VisitorFilter {
  unitId: string;
  inside?: boolean;
  /** UTC bounds of the local days asked for. */
  from?: string;
  to?: string;
}

function filtered(db: Executor, f: VisitorFilter) {
  return db
    .selectFrom('visitors')
    .where('unit_id', '=', f.unitId)
    .$if(Boolean(f.inside), (q) => q.where('checked_out_at', 'is', null))
    .$if(f.from !== undefined, (q) => q.where('checked_in_at', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('checked_in_at', '<', f.to!));
}

export async function list(
  db: Executor,
  f: VisitorFilter,
  offset: number,
  limit: number,
): Promise<{ rows: VisitorRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('checked_in_at', 'desc').offset(offset).limit(limit).execute(),
    filtered(db, f)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const all = (db: Executor, f: VisitorFilter): Promise<VisitorRow[]> =>
  filtered(db, f).selectAll().orderBy('checked_in_at').execute();

export const find = (db: Executor, id: string): Promise<VisitorRow | undefined> =>
  db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirst();

/** The visit stored for a check-in's idempotency key. */
export const findByClientKey = (db: Executor, key: string): Promise<VisitorRow | undefined> =>
  db.selectFrom('visitors').selectAll().where('client_key', '=', key).executeTakeFirst();

/** The visit whose check-out carried this idempotency key. */
export const findByCheckOutKey = (db: Executor, key: string): Promise<VisitorRow | undefined> =>
  db.selectFrom('visitors').selectAll().where('check_out_client_key', '=', key).executeTakeFirst();

/** A write refused by a unique index (the same key sent twice at once), on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export async function insert(db: Executor, row: VisitorRow): Promise<void> {
  await db.insertInto('visitors').values(row).execute();
}

export async function checkOut(db: Executor, id: string, at: string, clientKey: string | null): Promise<void> {
  await db
    .updateTable('visitors')
    .set({ checked_out_at: at, check_out_client_key: clientKey })
    .where('id', '=', id)
    .execute();
}

export async function remove(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('visitors').where('id', '=', id).execute();
}

/** Still inside at a moment: checked in before it and not checked out. */
export const insideAt = (db: Executor, unitId: string, at: string) =>
  db
    .selectFrom('visitors')
    .select(['name', 'checked_in_at'])
    .where('unit_id', '=', unitId)
    .where('checked_out_at', 'is', null)
    .where('checked_in_at', '<=', at)
    .orderBy('checked_in_at')
    .execute();

export async function closingTime(db: Executor, unitId: string): Promise<string | null> {
  const row = await db
    .selectFrom('visitor_settings')
    .select('closing_time')
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row?.closing_time ?? null;
}

export async function setClosingTime(db: Executor, unitId: string, closingTime: string): Promise<void> {
  await db
    .insertInto('visitor_settings')
    .values({ unit_id: unitId, closing_time: closingTime })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ closing_time: closingTime }))
    .execute();
}

export async function logAccess(
  db: Executor,
  row: {
    id: string;
    at: string;
    account_id: string | null;
    actor_label: string;
    entity: string;
    unit_id: string;
    detail_json: string;
  },
): Promise<void> {
  await db.insertInto('access_log').values(row).execute();
}
