import type { Kysely } from 'kysely';

/*
 * Why: reunification after a real evacuation (issue 17, item 3). A reunification belongs to a
 * school and an incident; it names a point and the staff who release children. Each pupil accounted
 * for is one row (released to an authorised adult, or absent that day), unique per pupil, so a child
 * cannot be released twice. A refusal keeps what the adult said (name and mobile) and which checks
 * failed. Release and refusal rows go with their pupil (ON DELETE CASCADE): a pupil who leaves the
 * school is purged with everything about them. The adult who collected is copied by name and
 * relation, because a roster edit replaces the adult rows.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reunifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('point', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('reunifications_unit_idx').on('reunifications').columns(['unit_id', 'status']).execute();

  await db.schema
    .createTable('reunification_staff')
    .addColumn('reunification_id', 'text', (c) => c.notNull().references('reunifications.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('reunification_staff_pk', ['reunification_id', 'person_id'])
    .execute();
  await db.schema.createIndex('reunification_staff_person_idx').on('reunification_staff').column('person_id').execute();

  await db.schema
    .createTable('reunification_pupils')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reunification_id', 'text', (c) => c.notNull().references('reunifications.id'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('adult_name', 'text')
    .addColumn('adult_relation', 'text')
    .addColumn('staff_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reunification_pupils_pupil_key', ['reunification_id', 'pupil_id'])
    .execute();

  await db.schema
    .createTable('reunification_refusals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reunification_id', 'text', (c) => c.notNull().references('reunifications.id'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('name_given', 'text', (c) => c.notNull())
    .addColumn('mobile_given', 'text', (c) => c.notNull())
    .addColumn('failed_json', 'text', (c) => c.notNull())
    .addColumn('staff_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reunification_refusals_idx')
    .on('reunification_refusals')
    .columns(['reunification_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reunification_refusals').execute();
  await db.schema.dropTable('reunification_pupils').execute();
  await db.schema.dropTable('reunification_staff').execute();
  await db.schema.dropTable('reunifications').execute();
}
