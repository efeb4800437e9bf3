import type { Kysely } from 'kysely';

/*
 * Why: directives (上情下达). A supervising unit sends a notice or directive to units below it; each
 * target signs for it by a deadline and may be asked to reply by another. Late sign-offs and
 * replies are kept on the target row; attachments are files under the data directory.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sender_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('sender_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sign_due_at', 'text', (c) => c.notNull())
    .addColumn('reply_due_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directives_sender_idx')
    .on('directives')
    .columns(['sender_unit_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('directive_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('directive_id', 'text', (c) => c.notNull().references('directives.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('signed_at', 'text')
    .addColumn('signed_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('sign_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('marked_late_at', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('replied_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('reply_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', 'text')
    .addUniqueConstraint('directive_targets_uq', ['directive_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('directive_targets_unit_idx')
    .on('directive_targets')
    .columns(['unit_id', 'directive_id'])
    .execute();

  await db.schema
    .createTable('directive_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('directive_id', 'text', (c) => c.notNull().references('directives.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** Relative to the data directory. */
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directive_attachments_directive_idx')
    .on('directive_attachments')
    .column('directive_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('directive_attachments').execute();
  await db.schema.dropTable('directive_targets').execute();
  await db.schema.dropTable('directives').execute();
}
