import type { Db, DialectName, Executor } from '../../db/database.js';
import { whenCommitted } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { actorLabel, type Actor } from '../auth/actor.js';
import { AuditCheckpoints, readCheckpoints } from './audit-checkpoints.js';
import { entryMac } from './audit-digests.js';
import { AuditKeyring, type AuditKey } from './audit-keys.js';
import { AuditSequencer } from './audit-sequencer.js';
import { verifyChain, type VerifyReport } from './audit-verify.js';
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

export interface AuditOptions {
  /** The audit keys (first in use); none: entries are plain SHA-256 and nothing is anchored. */
  keys: AuditKey[];
  checkpointDir: string | undefined;
  checkpointEveryMs: number;
  onError?: (error: unknown) => void;
}

const toJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * The audit trail. `record` appends an authenticated entry inside the caller's transaction and
 * touches no shared row; the sequencer chains committed entries shortly after; checkpoints sign
 * the chain's head into a file outside the database; `verify` checks all three.
 */
export class AuditTrail {
  readonly keys: AuditKeyring;
  readonly sequencer: AuditSequencer;
  readonly checkpoints: AuditCheckpoints;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly dialect: DialectName,
    options: AuditOptions,
  ) {
    const onError = options.onError ?? ((error: unknown) => console.error('audit trail:', error));
    this.keys = new AuditKeyring(options.keys);
    this.sequencer = new AuditSequencer(db, dialect, this.keys, { batch: 1000, delayMs: 25, pollMs: 1000, onError });
    this.checkpoints = new AuditCheckpoints(db, clock, this.keys, this.sequencer, {
      dir: options.checkpointDir,
      everyMs: options.checkpointEveryMs,
      onError,
    });
  }

  /** Appends one entry inside the caller's transaction, so the change and its record land together. */
  async record(tx: Executor, actor: Actor, change: Change): Promise<void> {
    const content = {
      entry_id: newId(),
      at: this.clock.now().toISOString(),
      actor_account_id: actor.kind === 'account' ? actor.accountId : null,
      actor_label: actorLabel(actor),
      action: change.action,
      entity: change.entity,
      entity_id: change.entityId,
      unit_id: change.unitId,
      before_json: toJson(change.before),
      after_json: toJson(change.after),
      key_id: this.keys.current?.id ?? null,
    };
    await repo.insertEntry(tx, this.dialect, { ...content, mac: entryMac(this.keys, content) });
    whenCommitted(tx, () => this.sequencer.wake());
  }

  /** Starts chaining in the background and writing checkpoints (the server does; tests call `settle`). */
  start(): void {
    this.sequencer.start();
    this.checkpoints.start();
  }

  async stop(): Promise<void> {
    await this.sequencer.stop();
    await this.checkpoints.stop();
  }

  /** Chains every entry that waits now. */
  settle(): Promise<void> {
    return this.sequencer.settle();
  }

  /** Checks the whole trail, against the checkpoints in `checkpointsFile` (default: the configured folder's). */
  async verify(
    db: Executor = this.db,
    options: { batch?: number; checkpointsFile?: string } = {},
  ): Promise<VerifyReport> {
    const file = options.checkpointsFile ?? this.checkpoints.file;
    return verifyChain(db, this.keys, file ? readCheckpoints(file) : null, options.batch);
  }
}
