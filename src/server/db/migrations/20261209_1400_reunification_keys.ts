import type { Kysely } from 'kysely';

/*
 * Why: release staff work offline (issue 17, item 4). A release or an absence made without network
 * waits on the phone and is sent when the network returns, perhaps more than once; each carries a key
 * made on the phone, and a key the server already holds answers what it stored (the release, the
 * absence or the refusal) instead of storing it twice. Older rows have none (null, not unique).
 * `check_secret` is a random secret per reunification: the phone checks adults offline against
 * HMAC check values under it, so it never holds mobiles or ID digits. Reunifications opened before
 * this have none and give no check values.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reunifications').addColumn('check_secret', 'text').execute();
  await db.schema.alterTable('reunification_pupils').addColumn('client_key', 'text').execute();
  await db.schema.alterTable('reunification_refusals').addColumn('client_key', 'text').execute();
  await db.schema
    .createIndex('reunification_pupils_client_key')
    .unique()
    .on('reunification_pupils')
    .column('client_key')
    .execute();
  await db.schema
    .createIndex('reunification_refusals_client_key')
    .unique()
    .on('reunification_refusals')
    .column('client_key')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reunification_refusals_client_key').execute();
  await db.schema.dropIndex('reunification_pupils_client_key').execute();
  await db.schema.alterTable('reunification_refusals').dropColumn('client_key').execute();
  await db.schema.alterTable('reunification_pupils').dropColumn('client_key').execute();
  await db.schema.alterTable('reunifications').dropColumn('check_secret').execute();
}
