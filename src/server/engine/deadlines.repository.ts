import { sql } from 'kysely';
import { precompiledRows } from '../db/precompiled.js';
import type { DialectName, Executor } from '../db/database.js';
import type { DeadlineRow } from './deadlines.table.js';

/** One statement for all the rows; a row whose kind and record already has one is left out. */
export async function insertDeadlines(db: Executor, rows: DeadlineRow[]): Promise<void> {
  await insertDeadlineRows.execute(db, rows);
}

// Compiled once per number of rows: every write that starts a timer runs it.
const insertDeadlineRows = precompiledRows(
  {
    id: true,
    kind: true,
    ref_id: true,
    unit_id: true,
    due_at: true,
    state: true,
    attempts: true,
    last_error: true,
    fired_by: true,
    created_at: true,
    fired_at: true,
  },
  (db, rows: DeadlineRow[]) =>
    db
      .insertInto('deadlines')
      .values(rows)
      .onConflict((oc) => oc.columns(['kind', 'ref_id']).doNothing()),
);

export async function reschedule(db: Executor, kind: string, refId: string, dueAt: string): Promise<void> {
  await db
    .updateTable('deadlines')
    .set({ due_at: dueAt })
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .where('state', '=', 'pending')
    .execute();
}

/** Moves several pending deadlines, each to its own time, in one statement. */
export async function rescheduleAll(
  db: Executor,
  moves: readonly { kind: string; refId: string; dueAt: string }[],
): Promise<void> {
  if (moves.length === 0) return;
  const each = moves.map((m) => sql`when kind = ${m.kind} and ref_id = ${m.refId} then ${m.dueAt}`);
  await db
    .updateTable('deadlines')
    .set({ due_at: sql<string>`case ${sql.join(each, sql` `)} end` })
    .where('state', '=', 'pending')
    .where((e) => e.or(moves.map((m) => e.and([e('kind', '=', m.kind), e('ref_id', '=', m.refId)]))))
    .execute();
}

/** Moves a pending deadline earlier to `dueAt`; one already due sooner is left as it is. */
export async function advance(db: Executor, kind: string, refId: string, dueAt: string): Promise<void> {
  await db
    .updateTable('deadlines')
    .set({ due_at: dueAt })
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .where('state', '=', 'pending')
    .where('due_at', '>', dueAt)
    .execute();
}

export async function dueAt(db: Executor, kind: string, refId: string): Promise<string | null> {
  const row = await db
    .selectFrom('deadlines')
    .select('due_at')
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .executeTakeFirst();
  return row?.due_at ?? null;
}

/** Removes a timer's rows that are spent (fired, failed, cancelled, or `firing` now), so that it can be armed again. */
export async function removeSpent(db: Executor, kind: string, refId: string, firing: string | null): Promise<void> {
  await db
    .deleteFrom('deadlines')
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .where((e) => (firing ? e.or([e('state', '!=', 'pending'), e('id', '=', firing)]) : e('state', '!=', 'pending')))
    .execute();
}

export async function cancel(db: Executor, kinds: readonly string[], refId: string): Promise<void> {
  if (kinds.length === 0) return;
  await db
    .updateTable('deadlines')
    .set({ state: 'cancelled' })
    .where('kind', 'in', kinds)
    .where('ref_id', '=', refId)
    .where('state', '=', 'pending')
    .execute();
}

/**
 * The due rows, oldest first. On PostgreSQL the rows are locked and rows another instance holds
 * are skipped, so instances share the work and none fires a row twice.
 */
export async function claimDue(db: Executor, dialect: DialectName, now: string, limit: number): Promise<DeadlineRow[]> {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('state', '=', 'pending')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(limit)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked())
    .execute();
}

export async function markFired(db: Executor, id: string, now: string, by: string): Promise<void> {
  await db.updateTable('deadlines').set({ state: 'fired', fired_at: now, fired_by: by }).where('id', '=', id).execute();
}

export async function markManyFired(db: Executor, ids: string[], now: string, by: string): Promise<void> {
  if (ids.length)
    await db
      .updateTable('deadlines')
      .set({ state: 'fired', fired_at: now, fired_by: by })
      .where('id', 'in', ids)
      .execute();
}

export async function markRetry(
  db: Executor,
  id: string,
  attempts: number,
  error: string,
  dueAt: string,
  failed: boolean,
): Promise<void> {
  await db
    .updateTable('deadlines')
    .set({ attempts, last_error: error.slice(0, 1000), due_at: dueAt, state: failed ? 'failed' : 'pending' })
    .where('id', '=', id)
    .execute();
}

export async function nextDueAt(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('deadlines')
    .select((e) => e.fn.min('due_at').as('due'))
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return (row?.due as string | null | undefined) ?? null;
}

/** Savepoints let one failing handler roll back alone while the rest of the batch commits. */
export const savepoint = (db: Executor) => sql`savepoint deadline_fire`.execute(db);
export const releaseSavepoint = (db: Executor) => sql`release savepoint deadline_fire`.execute(db);
export const rollbackToSavepoint = (db: Executor) => sql`rollback to savepoint deadline_fire`.execute(db);
