import type { Executor, DialectName } from '../../db/database.js';
import type { AuditLogRow } from '../../db/schema.js';

export async function lockHead(db: Executor, dialect: DialectName): Promise<{ seq: number; hash: string }> {
  // PostgreSQL: the row lock serialises appends across instances. SQLite: the write lock does.
  return db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
}

export async function appendEntry(db: Executor, row: AuditLogRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
  await db.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
}

export async function readHead(db: Executor): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Entries in sequence order, a batch at a time, so verifying a long log stays in small memory. */
export async function entriesAfter(db: Executor, seq: number, limit: number): Promise<AuditLogRow[]> {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
}

export async function entriesFor(db: Executor, entity: string, entityId: string): Promise<AuditLogRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}
