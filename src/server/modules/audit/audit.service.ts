import { createHash } from 'node:crypto';
import type { Db, DialectName, Executor } from '../../db/database.js';
import type { AuditLogRow } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { actorLabel, type Actor } from '../auth/actor.js';
import * as repo from './audit.repository.js';

/** One change to record: which record, and what it looked like before and after. */
export interface Change {
  /** Verb in the form `entity.verb`, e.g. `unit.move`. */
  action: string;
  entity: string;
  entityId: string;
  /** The unit the record belongs to, so supervisors can read the trail of their subtree. */
  unitId: string | null;
  before?: unknown;
  after?: unknown;
}

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; seq: number; reason: string };

const GENESIS = '0'.repeat(64);

/** The hash covers every column but the hash itself, in a fixed order. */
export function entryHash(row: Omit<AuditLogRow, 'hash'>): string {
  const fields = [
    row.seq, row.at, row.actor_account_id, row.actor_label, row.action, row.entity,
    row.entity_id, row.unit_id, row.before_json, row.after_json, row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const toJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export class AuditTrail {
  constructor(
    private readonly clock: Clock,
    private readonly dialect: DialectName,
  ) {}

  /** Appends one entry inside the caller's transaction, so the change and its record land together. */
  async record(tx: Executor, actor: Actor, change: Change): Promise<void> {
    const head = await repo.lockHead(tx, this.dialect);
    const partial = {
      seq: Number(head.seq) + 1,
      at: this.clock.now().toISOString(),
      actor_account_id: actor.kind === 'account' ? actor.accountId : null,
      actor_label: actorLabel(actor),
      action: change.action,
      entity: change.entity,
      entity_id: change.entityId,
      unit_id: change.unitId,
      before_json: toJson(change.before),
      after_json: toJson(change.after),
      prev_hash: head.hash,
    };
    await repo.appendEntry(tx, { ...partial, hash: entryHash(partial) });
  }

  /** Walks the whole chain and names the first entry that was changed, removed or inserted. */
  async verify(db: Db, batch = 1000): Promise<VerifyResult> {
    let expectedSeq = 1;
    let prevHash = GENESIS;
    let checked = 0;
    for (;;) {
      const rows = await repo.entriesAfter(db, expectedSeq - 1, batch);
      if (rows.length === 0) break;
      for (const row of rows) {
        const problem = this.check(row, expectedSeq, prevHash);
        if (problem) return { ok: false, checked, seq: problem.seq, reason: problem.reason };
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
    }
    const head = await repo.readHead(db);
    if (Number(head.seq) !== checked || head.hash !== prevHash) {
      return { ok: false, checked, seq: Number(head.seq), reason: `entries after ${checked} are missing: the chain head says ${head.seq}` };
    }
    return { ok: true, checked };
  }

  private check(row: AuditLogRow, expectedSeq: number, prevHash: string): { seq: number; reason: string } | null {
    const seq = Number(row.seq);
    if (seq !== expectedSeq) return { seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next found: ${seq})` };
    if (row.prev_hash !== prevHash) return { seq, reason: `entry ${seq} does not link to entry ${seq - 1}` };
    const { hash, ...rest } = row;
    if (entryHash({ ...rest, seq }) !== hash) return { seq, reason: `entry ${seq} was altered: its hash does not match its content` };
    return null;
  }
}
