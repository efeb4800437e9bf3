import type { Kysely } from 'kysely';

/*
 * Why: class rosters for roll call and reunification (issue 17). Pupils' data is sensitive personal
 * information of minors (PIPL): only a name and a class per child, and per adult a name, relation,
 * mobile and the last four characters of an ID. Adults go with their pupil (ON DELETE CASCADE), so
 * purging a pupil who leaves removes everything about them. Every look at a roster is a row of
 * the personal-data `access_log` the visitor log already uses (who, when, which class), with no data
 * about the child.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_classes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('teacher_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_classes_unit_name_key', ['unit_id', 'name'])
    .execute();
  await db.schema.createIndex('school_classes_teacher_idx').on('school_classes').column('teacher_person_id').execute();

  await db.schema
    .createTable('pupils')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('school_classes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pupils_class_idx').on('pupils').columns(['class_id', 'name']).execute();

  await db.schema
    .createTable('pupil_adults')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('id_last4', 'text')
    .addColumn('guardian', 'integer', (c) => c.notNull())
    .addColumn('may_collect', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pupil_adults_pupil_idx').on('pupil_adults').columns(['pupil_id', 'position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pupil_adults').execute();
  await db.schema.dropTable('pupils').execute();
  await db.schema.dropTable('school_classes').execute();
}
