import type { Selectable } from 'kysely';

/**
 * A one-tap acknowledge link: one person, one step, used once, dead when the step ends. The token
 * is derived from the id with the server's key (so the worker can put it in the message) and only
 * its hash is stored; the URL holds the token and nothing else.
 */
export interface AckLinkTable {
  id: string;
  token_hash: string;
  notification_id: string;
  person_id: string;
  step_id: string;
  /** What the person replies by SMS or in the work app ("1"), with the SMS extension code when there is one. */
  reply_code: string;
  expires_at: string;
  used_at: string | null;
  /** link, sms, wecom… or `app` when acknowledged in Steady itself (which closes the link too). */
  used_via: string | null;
  created_at: string;
}

export type AckLinkRow = Selectable<AckLinkTable>;

export interface AcknowledgementTables {
  ack_links: AckLinkTable;
}
