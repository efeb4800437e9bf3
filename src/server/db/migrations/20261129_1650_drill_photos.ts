import type { Kysely } from 'kysely';

/*
 * Why: a drill's record is filed with photos of it being run (the evacuation, the assembly point).
 * The files live under the data directory; this table records each one, checked by content to be
 * an image, with its hash.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drill_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('drill_id', 'text', (c) => c.notNull().references('drills.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drill_photos_drill_idx').on('drill_photos').column('drill_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drill_photos').execute();
}
