import type { Kysely } from 'kysely';

/*
 * Why: a unit's emergency plan as versioned, structured data. A plan has at most one draft and at
 * most one published version at a time; older published versions become superseded, never lost.
 * The content is JSON text, validated by the application on the way in.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_unit_idx').on('plans').column('unit_id').execute();

  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('period_name', 'text')
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('covers_sub_units', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('approved_by_person_id', 'text', (c) => c.references('people.id'))
    .addUniqueConstraint('plan_versions_plan_version_uq', ['plan_id', 'version'])
    .execute();
  await db.schema.createIndex('plan_versions_status_idx').on('plan_versions').columns(['status', 'plan_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_versions').execute();
  await db.schema.dropTable('plans').execute();
}
