import type { Generated, Selectable } from 'kysely';

/** One recorded change, written by the transaction that made it. Append-only. */
export interface AuditLogTable {
  /** Entry number in the order entries were written (PostgreSQL: a sequence, with gaps where a write rolled back). */
  seq: Generated<number>;
  /** A UUIDv7 the writer chose: covered by `mac`, so an entry cannot be copied under another number. */
  entry_id: string | null;
  at: string;
  actor_account_id: string | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string;
  unit_id: string | null;
  before_json: string | null;
  after_json: string | null;
  /** Which audit key made `mac`; null: written without a key (plain SHA-256). Null with a null mac: before keys. */
  key_id: string | null;
  /** The entry's authenticator over its content and `entry_id`: HMAC-SHA256 with the audit key. */
  mac: string | null;
}

/** The order of entries, fixed by the sequencer after they committed. Append-only. */
export interface AuditChainTable {
  /** 1, 2, 3, … without gaps. */
  pos: number;
  entry_seq: number;
  /** The key that made `hash`; null without a key; `legacy-sha256` for the chain kept from before. */
  key_id: string | null;
  prev_hash: string;
  hash: string;
}

/** Entries that have committed and wait for the sequencer: one marker each, deleted once chained. */
export interface AuditUnchainedTable {
  entry_seq: number;
}

/** One row (id 1): the chain's last position and hash, locked only by the sequencer while it chains. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** Every look at personal data: who, when, which unit's records, with what filter. */
export interface AccessLogTable {
  id: string;
  at: string;
  account_id: string | null;
  actor_label: string;
  entity: string;
  unit_id: string | null;
  detail_json: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  audit_unchained: AuditUnchainedTable;
  audit_head: AuditHeadTable;
  access_log: AccessLogTable;
}

export type AuditLogRow = Selectable<AuditLogTable>;
export type AuditChainRow = Selectable<AuditChainTable>;
