import type { Db, DialectName } from '../../db/database.js';
import { linkHash } from './audit-digests.js';
import type { AuditKeyring } from './audit-keys.js';
import * as repo from './audit.repository.js';
import type { AuditChainRow } from './audit.table.js';

export interface SequencerOptions {
  /** Entries chained per transaction. */
  batch: number;
  /** How long after a write the sequencer waits, so that the writes of one moment share a batch. */
  delayMs: number;
  /** How often it looks anyway, for entries another instance wrote (or one that stopped) left waiting. */
  pollMs: number;
  onError: (error: unknown) => void;
}

/**
 * Chains committed entries, in batches, in the order of their entry numbers: as transparency logs
 * do, the order is fixed after commit by one writer at a time — the holder of the head row — so no
 * user transaction ever waits for it. On PostgreSQL the head is taken with SKIP LOCKED: while one
 * instance's sequencer chains, the others simply look again later.
 */
export class AuditSequencer {
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly keys: AuditKeyring,
    private readonly options: SequencerOptions,
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.poll = setInterval(() => this.wake(0), this.options.pollMs);
    this.poll.unref();
    this.wake(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    clearInterval(this.poll);
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** A write committed: chain it (and whatever else waits) shortly. Does nothing until started. */
  wake(delayMs = this.options.delayMs): void {
    if (!this.started || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delayMs);
  }

  /** Chains everything that waits now (tests, checkpoints, the CLI). */
  async settle(): Promise<void> {
    for (let rounds = 0; rounds < 10_000; rounds++) {
      const chained = await this.chainBatch();
      if (chained === 0) return;
    }
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        let chained: number;
        do chained = await this.chainBatch();
        while (chained === this.options.batch && this.started);
      } catch (error) {
        this.options.onError(error);
      }
    })();
    await this.running;
    this.running = undefined;
    if (this.again) {
      this.again = false;
      this.wake();
    }
  }

  /** One batch in one transaction; returns how many entries it chained (0: none waiting, or the head was busy). */
  async chainBatch(): Promise<number> {
    let busy = false;
    const chained = await this.db.transaction().execute(async (tx) => {
      const head = await repo.lockHead(tx, this.dialect);
      if (!head) {
        busy = true;
        return 0;
      }
      // A marker whose entry is gone is left for `audit verify` to name; it is never chained.
      const present = await repo.waiting(tx, 0, this.options.batch);
      if (present.length === 0) return 0;
      const keyId = this.keys.current?.id ?? null;
      let pos = Number(head.seq);
      let prev = head.hash;
      const links: AuditChainRow[] = present.map(({ entry_seq, entry }) => {
        pos += 1;
        const hash = linkHash(this.keys, keyId, pos, entry_seq, entry!.mac ?? '', prev);
        const link = { pos, entry_seq, key_id: keyId, prev_hash: prev, hash };
        prev = hash;
        return link;
      });
      await repo.chain(tx, links, { seq: pos, hash: prev });
      return links.length;
    });
    if (busy) this.wake();
    return chained;
  }
}
