import type { Selectable } from 'kysely';

/** One vendor account Steady sends through (aliyun_sms, tencent_voice, wecom_app…), set by an administrator. */
export interface ChannelSettingsTable {
  channel: string;
  enabled: number;
  /** What may be shown back: endpoint, sign name, template ids, app and agent ids. */
  config_json: string;
  /** Keys and app secrets as one AES-256-GCM box (lib/secret-box.ts); never shown back. */
  secrets_sealed: string | null;
  /** SHA-256 of the key in the vendor's callback URL; the key itself is shown once. */
  callback_key_hash: string | null;
  updated_at: string;
  updated_by_person_id: string | null;
}

export type ChannelSettingsRow = Selectable<ChannelSettingsTable>;

export interface ChannelTables {
  channel_settings: ChannelSettingsTable;
}
