import type { Kysely } from 'kysely';

/*
 * Why: the gate phone works offline (issue 17): a check-in or check-out made without network waits on
 * the phone and is sent again when the network returns, perhaps more than once (a reply lost on the
 * way). Each carries a key made on the phone; the server keeps it, and a key it already holds answers
 * the visit it stored instead of storing a second one. Older rows have none (null, not unique).
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('visitors').addColumn('client_key', 'text').execute();
  await db.schema.alterTable('visitors').addColumn('check_out_client_key', 'text').execute();
  await db.schema.createIndex('visitors_client_key').unique().on('visitors').column('client_key').execute();
  await db.schema
    .createIndex('visitors_check_out_client_key')
    .unique()
    .on('visitors')
    .column('check_out_client_key')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('visitors_check_out_client_key').execute();
  await db.schema.dropIndex('visitors_client_key').execute();
  await db.schema.alterTable('visitors').dropColumn('check_out_client_key').execute();
  await db.schema.alterTable('visitors').dropColumn('client_key').execute();
}
