import type { Kysely } from 'kysely';

/*
 * Why (issue 12): sign-in limits must hold across instances, so failed sign-ins are rows in the
 * database instead of counters in one process's memory; and API tokens get a scope (read-only or
 * read-write, all modules or those named) and an expiry. Tokens made before this keep their
 * full access for 90 more days, so that no integration stops without warning.
 */

const EXISTING_TOKENS_DAYS = 90;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_address_idx')
    .on('sign_in_failures')
    .columns(['address', 'failed_at'])
    .execute();
  await db.schema
    .createIndex('sign_in_failures_username_idx')
    .on('sign_in_failures')
    .columns(['username', 'address', 'failed_at'])
    .execute();

  await db.schema
    .alterTable('api_tokens')
    .addColumn('access', 'text', (c) => c.notNull().defaultTo('write'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('modules_json', 'text').execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  const until = new Date(Date.now() + EXISTING_TOKENS_DAYS * 86_400_000).toISOString();
  await db.updateTable('api_tokens').set({ expires_at: until }).where('expires_at', 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
  await db.schema.alterTable('api_tokens').dropColumn('modules_json').execute();
  await db.schema.alterTable('api_tokens').dropColumn('access').execute();
  await db.schema.dropTable('sign_in_failures').execute();
}
