import type { Executor } from '../../db/database.js';
import type { ChannelSettingsRow } from './channels.table.js';

export const all = (db: Executor) => db.selectFrom('channel_settings').selectAll().execute();

export const find = (db: Executor, channel: string) =>
  db.selectFrom('channel_settings').selectAll().where('channel', '=', channel).executeTakeFirst();

export async function upsert(db: Executor, row: ChannelSettingsRow): Promise<void> {
  await db
    .insertInto('channel_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('channel').doUpdateSet({
        enabled: row.enabled,
        config_json: row.config_json,
        secrets_sealed: row.secrets_sealed,
        callback_key_hash: row.callback_key_hash,
        updated_at: row.updated_at,
        updated_by_person_id: row.updated_by_person_id,
      }),
    )
    .execute();
}
