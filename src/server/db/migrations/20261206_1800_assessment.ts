import type { Kysely } from 'kysely';

/*
 * Why: responsibility letters (目标责任书) and assessment (考核) for supervising units (issue 18).
 * A unit's enrolment is recorded so that the guards it needs (GB/T 29315-2022) can be checked.
 * Letters keep every version: a plan change that alters the duties adds a version and marks the
 * old one superseded. Scores are not stored: they are computed from the records when asked, so a
 * changed weight recomputes at once; only hand scores (with their evidence) and units' answers are
 * kept.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('enrolment', 'integer').execute();

  await db.schema
    .createTable('responsibility_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('issuer_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('recipient_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('duties_json', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('plan_version', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sign_due_at', 'text', (c) => c.notNull())
    .addColumn('issuer_signed_at', 'text')
    .addColumn('issuer_signed_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('recipient_signed_at', 'text')
    .addColumn('recipient_signed_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('marked_late_at', 'text')
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', 'text')
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .addUniqueConstraint('responsibility_letters_version_uq', ['series_id', 'version'])
    .execute();
  await db.schema
    .createIndex('responsibility_letters_unit_idx')
    .on('responsibility_letters')
    .columns(['unit_id', 'sign_due_at'])
    .execute();
  await db.schema
    .createIndex('responsibility_letters_issuer_idx')
    .on('responsibility_letters')
    .columns(['issuer_unit_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('assessment_sheets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_sheets_unit_idx')
    .on('assessment_sheets')
    .columns(['unit_id', 'period_start'])
    .execute();

  await db.schema
    .createTable('assessment_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('assessment_sheets.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('metric', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('assessment_items_sheet_idx')
    .on('assessment_items')
    .columns(['sheet_id', 'position'])
    .execute();

  await db.schema
    .createTable('assessment_hand_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('assessment_items.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('scored_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_hand_scores_uq', ['item_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('assessment_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('assessment_items.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('answered_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_answers_uq', ['item_id', 'unit_id'])
    .execute();

  // The analytics and the assessment read chain steps by their deadline across a whole subtree.
  await db.schema.createIndex('incident_steps_due_idx').on('incident_steps').column('due_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incident_steps_due_idx').execute();
  for (const table of [
    'assessment_answers',
    'assessment_hand_scores',
    'assessment_items',
    'assessment_sheets',
    'responsibility_letters',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('units').dropColumn('enrolment').execute();
}
