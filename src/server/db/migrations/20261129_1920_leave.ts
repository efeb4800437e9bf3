import type { Kysely } from 'kysely';

/*
 * Why: leave of unit heads during special periods — the request, the parent unit's decision, and
 * the deputy who acts as head while it lasts. Local dates are kept with their UTC bounds, which
 * are fixed in the unit's time zone when the leave is asked for.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leave_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('head_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('deputy_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('approval_required', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decided_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('leave_requests_unit_idx')
    .on('leave_requests')
    .columns(['unit_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('leave_requests_state_idx').on('leave_requests').columns(['state', 'ends_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('leave_requests').execute();
}
