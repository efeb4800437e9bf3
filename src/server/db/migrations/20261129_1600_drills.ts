import type { Kysely } from 'kysely';

/*
 * Why: drills — planned per term by type, run and recorded (times, participants, evacuation time,
 * evaluation, problems), and measured against what the plan in force requires.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('participants', 'integer')
    .addColumn('evacuation_seconds', 'integer')
    .addColumn('evaluation', 'text')
    .addColumn('problems_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drills_unit_type_idx').on('drills').columns(['unit_id', 'type', 'ended_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drills').execute();
}
