import type { Kysely } from 'kysely';

/*
 * Why: a chain message must reach the person on their phone before the step's deadline. Messages
 * carry their priority and the moment they must be answered by, so the outbox can put alerts
 * before routine notices and start the next contact method while there is still time; deliveries
 * keep the vendor's message id and the receipt that says it reached the phone. Vendor accounts
 * (SMS, voice, the work apps, Web Push) are configured once, their secrets encrypted. Each person
 * told of a step gets a one-tap acknowledge link, kept only as a hash, used once.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notifications')
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('routine'))
    .execute();
  await db.schema.alterTable('notifications').addColumn('respond_by', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('params_json', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('answered_at', 'text').execute();

  for (const [name, type] of [
    ['priority', 'text'],
    ['respond_by', 'text'],
    ['failover_at', 'text'],
    ['provider_id', 'text'],
    ['delivered_at', 'text'],
    ['error_code', 'text'],
    ['error_at', 'text'],
    ['merged_into', 'text'],
    ['vendor', 'text'],
  ] as const) {
    await db.schema.alterTable('deliveries').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('deliveries')
    .addColumn('handed_over', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.updateTable('deliveries').set({ priority: 'routine' }).execute();
  await db.schema.createIndex('deliveries_provider_idx').on('deliveries').columns(['vendor', 'provider_id']).execute();
  await db.schema
    .createIndex('deliveries_failover_idx')
    .on('deliveries')
    .columns(['handed_over', 'failover_at'])
    .execute();
  await db.schema.createIndex('deliveries_created_idx').on('deliveries').columns(['created_at']).execute();

  await db.schema
    .createTable('channel_settings')
    .addColumn('channel', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('config_json', 'text', (c) => c.notNull())
    .addColumn('secrets_sealed', 'text')
    .addColumn('callback_key_hash', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_person_id', 'text')
    .execute();

  await db.schema
    .createTable('ack_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('reply_code', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_via', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ack_links_person_idx').on('ack_links').columns(['person_id', 'used_at']).execute();
  await db.schema.createIndex('ack_links_step_idx').on('ack_links').columns(['step_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ack_links').execute();
  await db.schema.dropTable('channel_settings').execute();
}
