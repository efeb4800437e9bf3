import type { Executor } from '../../db/database.js';
import type { CheckpointFile } from './audit-checkpoints.js';
import { entryMac, GENESIS, legacyHash, LEGACY_SCHEME, linkHash } from './audit-digests.js';
import type { AuditKeyring } from './audit-keys.js';
import * as repo from './audit.repository.js';
import type { AuditLogRow } from './audit.table.js';

/** The first thing found wrong, by position in the chain (`pos`) or entry number (`seq`). */
export type AuditProblem =
  | { kind: 'gap'; pos: number; found: number }
  | { kind: 'unlinked'; pos: number }
  | { kind: 'entry-removed'; pos: number; seq: number }
  | { kind: 'altered'; pos: number | null; seq: number }
  | { kind: 'recomputed'; pos: number }
  | { kind: 'downgraded'; pos: number | null; seq: number }
  | { kind: 'unknown-key'; keyId: string }
  | { kind: 'head-mismatch'; headPos: number; chainPos: number }
  | { kind: 'truncated'; checkpointPos: number; checkpointAt: string; chainPos: number }
  | { kind: 'rewritten'; checkpointPos: number; checkpointAt: string }
  | { kind: 'bad-checkpoint'; line: number }
  | { kind: 'marker-orphan'; seq: number }
  | { kind: 'chained-twice'; seq: number }
  | { kind: 'stray'; seq: number };

export type AuditWarning = 'no-key' | 'no-checkpoint' | 'not-anchored';

export interface VerifyReport {
  ok: boolean;
  /** Chain positions checked. */
  checked: number;
  /** Entries committed and authenticated but not chained yet (the sequencer chains them within moments). */
  waiting: number;
  problem: AuditProblem | null;
  /** The newest checkpoint the chain was compared with. */
  lastCheckpoint: { pos: number; at: string } | null;
  warnings: AuditWarning[];
}

class Found extends Error {
  constructor(readonly problem: AuditProblem) {
    super(problem.kind);
  }
}

/**
 * Walks the chain from the start, checks every entry's authenticator and every link, the head,
 * the waiting entries, and the chain against every signed checkpoint: the first problem wins.
 */
export async function verifyChain(
  db: Executor,
  keys: AuditKeyring,
  checkpoints: CheckpointFile | null,
  batch = 1000,
): Promise<VerifyReport> {
  const warnings: AuditWarning[] = [];
  if (!keys.current) warnings.push('no-key');
  if (!checkpoints || checkpoints.checkpoints.length === 0) warnings.push('no-checkpoint');
  const report = (problem: AuditProblem | null, extra: Partial<VerifyReport> = {}): VerifyReport => ({
    ok: problem === null,
    checked: 0,
    waiting: 0,
    problem,
    lastCheckpoint: null,
    warnings,
    ...extra,
  });
  const walk = new Walk(keys);
  try {
    const vouched = checkCheckpointSignatures(keys, checkpoints);
    for (;;) {
      const links = await repo.linksAfter(db, walk.pos, batch);
      if (links.length === 0) break;
      for (const link of links) {
        walk.step(link);
        const claimed = vouched.get(link.pos);
        if (claimed && claimed.head !== link.hash)
          throw new Found({ kind: 'rewritten', checkpointPos: link.pos, checkpointAt: claimed.at });
      }
    }
    const head = await repo.readHead(db);
    if (Number(head.seq) !== walk.pos || head.hash !== walk.prev) {
      throw new Found({ kind: 'head-mismatch', headPos: Number(head.seq), chainPos: walk.pos });
    }
    const newest = [...vouched.values()].sort((a, b) => b.pos - a.pos)[0];
    if (newest && newest.pos > walk.pos) {
      throw new Found({ kind: 'truncated', checkpointPos: newest.pos, checkpointAt: newest.at, chainPos: walk.pos });
    }
    const waiting = await checkWaiting(db, walk, batch);
    const counts = await repo.counts(db);
    if (counts.entries > walk.pos + waiting) throw new Found({ kind: 'stray', seq: (await repo.firstStray(db)) ?? 0 });
    if (!walk.keyed) warnings.push('not-anchored');
    return report(null, {
      checked: walk.pos,
      waiting,
      lastCheckpoint: newest ? { pos: newest.pos, at: newest.at } : null,
    });
  } catch (error) {
    if (error instanceof Found) return report(error.problem, { checked: walk.checked });
    throw error;
  }
}

/** Checkpoints by position; a line that is not a checkpoint signed by one of our keys is a problem. */
function checkCheckpointSignatures(
  keys: AuditKeyring,
  file: CheckpointFile | null,
): Map<number, { head: string; at: string; pos: number }> {
  const vouched = new Map<number, { head: string; at: string; pos: number }>();
  if (!file) return vouched;
  const firstUnreadable = file.unreadable[0];
  if (firstUnreadable !== undefined) throw new Found({ kind: 'bad-checkpoint', line: firstUnreadable });
  for (const c of file.checkpoints) {
    if (!keys.byId(c.keyId)) throw new Found({ kind: 'unknown-key', keyId: c.keyId });
    if (!keys.signedByUs(c)) throw new Found({ kind: 'bad-checkpoint', line: c.line });
    const earlier = vouched.get(c.pos);
    if (earlier && earlier.head !== c.head) throw new Found({ kind: 'bad-checkpoint', line: c.line });
    vouched.set(c.pos, { head: c.head, at: c.at, pos: c.pos });
  }
  return vouched;
}

async function checkWaiting(db: Executor, walk: Walk, batch: number): Promise<number> {
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await repo.waiting(db, after, batch, true);
    if (rows.length === 0) return count;
    const [twice] = await repo.chainedAmong(
      db,
      rows.map((r) => r.entry_seq),
    );
    if (twice !== undefined) throw new Found({ kind: 'chained-twice', seq: twice });
    for (const { entry_seq, entry } of rows) {
      if (!entry) throw new Found({ kind: 'marker-orphan', seq: entry_seq });
      walk.checkEntry(entry, null);
      after = entry_seq;
      count += 1;
    }
  }
}

/** The state of the walk along the chain: position, previous hash, whether a keyed link was seen. */
class Walk {
  pos = 0;
  prev = GENESIS;
  keyed = false;

  constructor(private readonly keys: AuditKeyring) {}

  get checked(): number {
    return this.pos;
  }

  step(link: repo.LinkedEntry): void {
    const pos = this.pos + 1;
    if (link.pos !== pos) throw new Found({ kind: 'gap', pos, found: link.pos });
    if (link.prev_hash !== this.prev) throw new Found({ kind: 'unlinked', pos });
    const entry = link.entry;
    if (!entry) throw new Found({ kind: 'entry-removed', pos, seq: link.entry_seq });
    if (link.key_id === LEGACY_SCHEME) {
      if (this.keyed) throw new Found({ kind: 'downgraded', pos, seq: entry.seq });
      if (entry.mac !== null || legacyHash(entry, pos, this.prev) !== link.hash)
        throw new Found({ kind: 'altered', pos, seq: entry.seq });
    } else {
      this.checkEntry(entry, pos);
      this.requireKey(link.key_id, pos, entry.seq);
      if (linkHash(this.keys, link.key_id, pos, link.entry_seq, entry.mac!, this.prev) !== link.hash)
        throw new Found({ kind: 'recomputed', pos });
      if (link.key_id !== null) this.keyed = true;
    }
    this.pos = pos;
    this.prev = link.hash;
  }

  /** The entry's own authenticator, under a key we hold, and never unkeyed once the chain was keyed. */
  checkEntry(entry: AuditLogRow, pos: number | null): void {
    if (entry.mac === null) throw new Found({ kind: 'altered', pos, seq: entry.seq });
    this.requireKey(entry.key_id, pos, entry.seq);
    if (entryMac(this.keys, entry) !== entry.mac) throw new Found({ kind: 'altered', pos, seq: entry.seq });
  }

  private requireKey(keyId: string | null, pos: number | null, seq: number): void {
    if (keyId === null && this.keyed) throw new Found({ kind: 'downgraded', pos, seq });
    if (keyId !== null && !this.keys.byId(keyId)) throw new Found({ kind: 'unknown-key', keyId });
  }
}
