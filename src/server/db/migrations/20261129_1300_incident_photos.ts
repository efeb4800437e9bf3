import type { Kysely } from 'kysely';

/*
 * Why: a report from a phone often carries photos of the scene. The files live under the data
 * directory; this table records each one, checked by content to be an image, with its hash.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incident_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_photos_incident_idx').on('incident_photos').column('incident_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_photos').execute();
}
