import type { Kysely } from 'kysely';

/*
 * Why: the visitor log at the gate. Visitors' records are personal data: the identity document
 * is stored masked, the rows are purged after the plan's retention period, and every look at the
 * list is written to the access log.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('visitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_kind', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('host_name', 'text', (c) => c.notNull())
    .addColumn('vehicle_plate', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('checked_out_at', 'text')
    .addColumn('registered_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visitors_unit_in_idx').on('visitors').columns(['unit_id', 'checked_in_at']).execute();

  await db.schema
    .createTable('visitor_settings')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('closing_time', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('detail_json', 'text')
    .execute();
  await db.schema.createIndex('access_log_unit_idx').on('access_log').columns(['unit_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['access_log', 'visitor_settings', 'visitors']) await db.schema.dropTable(t).execute();
}
