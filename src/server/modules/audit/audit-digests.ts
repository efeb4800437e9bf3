import { createHash } from 'node:crypto';
import type { AuditKeyring } from './audit-keys.js';
import type { AuditLogRow } from './audit.table.js';

export const GENESIS = '0'.repeat(64);
/** The scheme of the chain kept from before the sequencer: plain SHA-256 over entry and link together. */
export const LEGACY_SCHEME = 'legacy-sha256';

type EntryContent = Omit<AuditLogRow, 'seq' | 'mac'>;

/** An entry's authenticator: its content and its writer-chosen id, under the key it names. */
export function entryMac(keys: AuditKeyring, e: EntryContent): string {
  return keys.digest(e.key_id, [
    'entry',
    e.entry_id,
    e.at,
    e.actor_account_id,
    e.actor_label,
    e.action,
    e.entity,
    e.entity_id,
    e.unit_id,
    e.before_json,
    e.after_json,
  ]);
}

/** A link: its position, the entry it holds (number and authenticator) and the link before it. */
export function linkHash(
  keys: AuditKeyring,
  keyId: string | null,
  pos: number,
  entrySeq: number,
  mac: string,
  prevHash: string,
): string {
  return keys.digest(keyId, ['link', pos, entrySeq, mac, prevHash]);
}

/** The hash of the chain written before the sequencer: the entry's columns, its number and the previous hash. */
export function legacyHash(e: AuditLogRow, pos: number, prevHash: string): string {
  const fields = [
    pos,
    e.at,
    e.actor_account_id,
    e.actor_label,
    e.action,
    e.entity,
    e.entity_id,
    e.unit_id,
    e.before_json,
    e.after_json,
    prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
