import type { Kysely } from 'kysely';

/*
 * Why: dispute cases — a problem someone brought to the unit, worked on until it is solved. The
 * person who raised it may follow it through a private link, which shows status and dates only.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('issue', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('agreement_text', 'text')
    .addColumn('no_agreement_reason', 'text')
    .addColumn('follow_up_date', 'text')
    .addColumn('public_token_hash', 'text', (c) => c.unique())
    .addColumn('public_token_expires_at', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('cases_unit_idx').on('cases').columns(['unit_id', 'status']).execute();

  await db.schema
    .createTable('case_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('raised_it', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('mediator_person_id', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['case_sessions', 'case_parties', 'cases']) await db.schema.dropTable(t).execute();
}
