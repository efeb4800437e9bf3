import { SqliteAdapter, sql, type Kysely } from 'kysely';

/*
 * Why: daily reports and the zero report. `daily_reports` holds what a unit sent, one per unit and
 * local day. `daily_report_months` holds each unit's status for a month as one character per day,
 * so the supervisor's matrix over a whole county (tens of thousands of units × 30 days) reads one
 * short row per unit and month instead of one row per unit and day. Keyed month first: a matrix
 * reads a month range, a single unit's day is found by (month, unit); on SQLite the rows are stored
 * in that key's order (WITHOUT ROWID), so a month of a whole county is one sequential read.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('daily_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('zero', 'integer', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('deadline', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by_person_id', 'text', (c) => c.references('people.id'))
    .addUniqueConstraint('daily_reports_unit_day_uq', ['unit_id', 'day'])
    .execute();

  await db.schema
    .createTable('daily_report_months')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('days', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_report_months_pk', ['month', 'unit_id'])
    .$call((b) => (db.getExecutor().adapter instanceof SqliteAdapter ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('daily_report_months').execute();
  await db.schema.dropTable('daily_reports').execute();
}
