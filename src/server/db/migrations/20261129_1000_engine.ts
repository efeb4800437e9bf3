import type { Kysely } from 'kysely';

/*
 * Why: timers are rows. Every deadline Steady keeps — a chain step, a reminder, a delivery retry —
 * is a row with a due time, so it survives a restart and fires exactly once: the engine claims a
 * due row, acts and marks it fired in one transaction.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deadlines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('fired_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'text')
    .addUniqueConstraint('deadlines_kind_ref_uq', ['kind', 'ref_id'])
    .execute();
  await db.schema.createIndex('deadlines_due_idx').on('deadlines').columns(['state', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deadlines').execute();
}
