import type { Kysely } from 'kysely';

/*
 * Why: night patrols (巡查). A unit names its checkpoints, each with a secret code printed as a QR
 * code; the plan's patrol window turns into patrols each night, scheduled and unannounced; a
 * patrol is proved by check-ins at the points, with time, person and an optional photo.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('patrol_checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('location_hint', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrol_checkpoints_unit_idx').on('patrol_checkpoints').column('unit_id').execute();

  await db.schema
    .createTable('patrols')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('night_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('deadline_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('started_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrols_unit_night_idx').on('patrols').columns(['unit_id', 'night_date']).execute();
  await db.schema.createIndex('patrols_unit_state_idx').on('patrols').columns(['unit_id', 'state']).execute();

  await db.schema
    .createTable('patrol_check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('patrol_checkpoints.id'))
    .addColumn('patrol_id', 'text', (c) => c.references('patrols.id'))
    .addColumn('person_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('photo_path', 'text')
    .addColumn('photo_mime', 'text')
    .addColumn('photo_size', 'integer')
    .addColumn('photo_sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrol_check_ins_patrol_idx').on('patrol_check_ins').column('patrol_id').execute();
  await db.schema
    .createIndex('patrol_check_ins_unit_at_idx')
    .on('patrol_check_ins')
    .columns(['unit_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['patrol_check_ins', 'patrols', 'patrol_checkpoints']) await db.schema.dropTable(t).execute();
}
