import type { Kysely } from 'kysely';

/*
 * Why: every message in the reader's language (issue 13). A person may choose the language they are
 * written to in (null: their unit's); a notification keeps what it says as message keys with
 * parameters (`wording_json`), so the app shows it in the language of the screen reading it, and an
 * e-mail, SMS or robot text goes out in the person's language. Older rows have no wording and keep
 * the text they were written with.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('language', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('wording_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('wording_json').execute();
  await db.schema.alterTable('people').dropColumn('language').execute();
}
