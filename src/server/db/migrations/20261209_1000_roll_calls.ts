import { sql, type Kysely } from 'kysely';

/*
 * Why: the evacuation roll call (issue 17). A roll call lists who must be accounted for — the
 * pupils of each class, the staff on duty, the visitors still inside — by reference only: no name
 * is copied, names are read when the list is read. Each reference is its own column with a foreign
 * key, so that purging a pupil who leaves (or a visitor after retention) keeps working and takes
 * the subject, its marks and its alert with it (ON DELETE CASCADE): nothing about the child stays.
 * Marks are kept as they came (the history shows two teachers marking the same child); each has an
 * idempotency key, unique within its roll call, so a batch sent twice from an offline phone is
 * stored once. The subject row carries its latest mark (by the time it was made) for the live
 * count. One open roll call per unit, enforced by a partial unique index.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('roll_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('drill_id', 'text', (c) => c.references('drills.id'))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('drill', 'integer', (c) => c.notNull())
    .addColumn('started_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('started_by_label', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('target_seconds', 'integer', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roll_calls_unit_idx').on('roll_calls').columns(['unit_id', 'started_at']).execute();
  await db.schema.createIndex('roll_calls_drill_idx').on('roll_calls').column('drill_id').execute();
  await db.schema.createIndex('roll_calls_incident_idx').on('roll_calls').column('incident_id').execute();
  await sql`create unique index roll_calls_one_open on roll_calls (unit_id) where state = 'open'`.execute(db);

  await db.schema
    .createTable('roll_call_subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roll_call_id', 'text', (c) => c.notNull().references('roll_calls.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('pupil_id', 'text', (c) => c.references('pupils.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('visitor_id', 'text', (c) => c.references('visitors.id').onDelete('cascade'))
    .addColumn('status', 'text')
    .addColumn('first_marked_at', 'text')
    .addColumn('status_marked_at', 'text')
    .addColumn('status_mark_id', 'text')
    .execute();
  await db.schema
    .createIndex('roll_call_subjects_group_idx')
    .on('roll_call_subjects')
    .columns(['roll_call_id', 'group_key'])
    .execute();
  await db.schema.createIndex('roll_call_subjects_pupil_idx').on('roll_call_subjects').column('pupil_id').execute();
  await db.schema.createIndex('roll_call_subjects_person_idx').on('roll_call_subjects').column('person_id').execute();
  await db.schema.createIndex('roll_call_subjects_visitor_idx').on('roll_call_subjects').column('visitor_id').execute();

  await db.schema
    .createTable('roll_call_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roll_call_id', 'text', (c) => c.notNull().references('roll_calls.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('roll_call_subjects.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('marked_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('marked_by_label', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addUniqueConstraint('roll_call_marks_key', ['roll_call_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('roll_call_marks_subject_idx')
    .on('roll_call_marks')
    .columns(['subject_id', 'marked_at'])
    .execute();

  await db.schema
    .createTable('roll_call_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roll_call_id', 'text', (c) => c.notNull().references('roll_calls.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('roll_call_subjects.id').onDelete('cascade'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('roll_call_alerts_subject_idx')
    .on('roll_call_alerts')
    .columns(['roll_call_id', 'subject_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roll_call_alerts').execute();
  await db.schema.dropTable('roll_call_marks').execute();
  await db.schema.dropTable('roll_call_subjects').execute();
  await db.schema.dropTable('roll_calls').execute();
}
