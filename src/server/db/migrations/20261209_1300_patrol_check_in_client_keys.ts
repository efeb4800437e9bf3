import type { Kysely } from 'kysely';

/*
 * Why: a patrol check-in works offline (issue 17): a scan made without network waits on the phone and
 * is sent again when the network returns, perhaps more than once (a reply lost on the way). Each carries
 * a key made on the phone; the server keeps it, and a key it already holds answers the check-in it
 * stored instead of storing a second one. Older rows have none (null, not unique).
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('patrol_check_ins').addColumn('client_key', 'text').execute();
  await db.schema
    .createIndex('patrol_check_ins_client_key')
    .unique()
    .on('patrol_check_ins')
    .column('client_key')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('patrol_check_ins_client_key').execute();
  await db.schema.alterTable('patrol_check_ins').dropColumn('client_key').execute();
}
