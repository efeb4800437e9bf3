import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditKeyring, Checkpoint } from './audit-keys.js';
import type { AuditSequencer } from './audit-sequencer.js';
import * as repo from './audit.repository.js';

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

export interface CheckpointOptions {
  /** The folder outside the data directory where checkpoints are appended; none: no checkpoints. */
  dir: string | undefined;
  everyMs: number;
  onError: (error: unknown) => void;
}

/** What a checkpoints file holds: the checkpoints, and the line numbers of lines that are not one. */
export interface CheckpointFile {
  checkpoints: (Checkpoint & { line: number })[];
  unreadable: number[];
}

/**
 * Signed checkpoints of the chain (position, head hash, time), appended one JSON line each to a
 * file outside the database. What a checkpoint vouches for can no longer be cut short, rolled back
 * or recomputed unseen: `steady audit verify` compares the chain with every checkpoint it finds.
 */
export class AuditCheckpoints {
  private timer: NodeJS.Timeout | undefined;
  private lastPos: number | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly keys: AuditKeyring,
    private readonly sequencer: AuditSequencer,
    private readonly options: CheckpointOptions,
  ) {}

  get file(): string | undefined {
    return this.options.dir ? join(this.options.dir, CHECKPOINT_FILE) : undefined;
  }

  start(): void {
    if (!this.file || !this.keys.current || this.timer) return;
    this.timer = setInterval(() => void this.write().catch(this.options.onError), this.options.everyMs);
    this.timer.unref();
    void this.write().catch(this.options.onError);
  }

  /** Stops the timer and writes a last checkpoint, so a clean stop leaves the head vouched for. */
  async stop(): Promise<void> {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.write().catch(this.options.onError);
  }

  /** Chains what waits, signs the head, appends it (flushed to disk); null when nothing is new or no folder/key. */
  async write(): Promise<Checkpoint | null> {
    const file = this.file;
    if (!file || !this.keys.current) return null;
    await this.sequencer.settle();
    const head = await repo.readHead(this.db);
    const pos = Number(head.seq);
    if (pos === this.lastPos || pos === 0) return null;
    const checkpoint = this.keys.sign({ pos, head: head.hash, at: this.clock.now().toISOString() });
    mkdirSync(this.options.dir!, { recursive: true, mode: 0o700 });
    const handle = await open(file, 'a', 0o600);
    try {
      await handle.appendFile(`${JSON.stringify(checkpoint)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.lastPos = pos;
    return checkpoint;
  }
}

/** Reads a checkpoints file (the folder's, or a copy someone kept or was e-mailed). */
export function readCheckpoints(file: string): CheckpointFile {
  const result: CheckpointFile = { checkpoints: [], unreadable: [] };
  if (!existsSync(file)) return result;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (!text.trim()) return;
      try {
        const c = JSON.parse(text) as Checkpoint;
        if (!Number.isInteger(c.pos) || typeof c.head !== 'string' || typeof c.at !== 'string')
          throw new Error('not a checkpoint');
        result.checkpoints.push({ ...c, line: index + 1 });
      } catch {
        result.unreadable.push(index + 1);
      }
    });
  return result;
}
