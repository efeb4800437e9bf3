import type { Transaction } from 'kysely';
import {
  transactionWithHooks,
  whenCommitted,
  type AfterCommit,
  type Db,
  type DialectName,
  type Executor,
} from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { DeadlineRow } from './deadlines.table.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import * as repo from './deadlines.repository.js';

/** What a handler gets: the row, the moment it is handled, and the transaction to act in. */
export interface DeadlineFiring {
  tx: Transaction<Database>;
  deadline: DeadlineRow;
  now: Date;
  /** Runs once the batch has committed (e.g. to tell live screens); never if it rolls back. */
  afterCommit: AfterCommit;
}
export type DeadlineHandler = (firing: DeadlineFiring) => Promise<void>;

/** A kind's name: `<module>.<what>`, the module's folder name first (`incidents.step`). */
export type DeadlineKindName = `${string}.${string}`;

/**
 * A kind of deadline and what fires it. Each module lists its own (`<noun>-deadlines.ts`); the
 * composition root registers every module's list at once (`deadline-kinds.ts`).
 */
export interface DeadlineKind {
  kind: DeadlineKindName;
  fire: DeadlineHandler;
}

export interface NewDeadline {
  kind: string;
  refId: string;
  unitId: string | null;
  dueAt: Date;
}

export interface EngineOptions {
  /** Names the instance in `fired_by`, to see who fired what across instances. */
  instanceId?: string;
  batchSize?: number;
  /** Longest sleep between looks at the table; a deadline scheduled here wakes the engine sooner. */
  pollMs?: number;
  maxAttempts?: number;
  /** Told of every failure: a handler's (with its deadline) or a whole pass's (without). */
  onError?: (error: unknown, deadline?: DeadlineRow) => void;
}

/**
 * The deadline engine. Timers are rows: modules schedule them inside their own transactions; one
 * tick claims the due rows and hands each to the handler of its kind inside one transaction that
 * also marks it fired, so a deadline fires once, on time after a restart, and is never lost.
 */
export class DeadlineEngine {
  readonly instanceId: string;
  private readonly handlers = new Map<string, DeadlineHandler>();
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly clock: Clock,
    private readonly options: EngineOptions = {},
  ) {
    this.instanceId = options.instanceId ?? `steady-${process.pid}-${newId().slice(-6)}`;
    this.batchSize = options.batchSize ?? 100;
    this.pollMs = options.pollMs ?? 250;
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  /** One handler per kind: a second registration is a wiring mistake and stops the start-up. */
  on(kind: string, handler: DeadlineHandler): void {
    if (this.handlers.has(kind)) throw new Error(`deadline kind "${kind}" already has a handler`);
    this.handlers.set(kind, handler);
  }

  /** Registers a list of kinds; a kind listed twice, or already registered, stops the start-up. */
  register(kinds: readonly DeadlineKind[]): void {
    for (const { kind, fire } of kinds) this.on(kind, fire);
  }

  /** The kinds that have a handler, in the order they were registered. */
  kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /** Schedules in the caller's transaction; scheduling the same kind and record twice keeps the first. */
  schedule(tx: Executor, deadline: NewDeadline): Promise<void> {
    return this.scheduleAll(tx, [deadline]);
  }

  /** Schedules several at once, in one statement (an incident's chain, its staged reports' duties). */
  async scheduleAll(tx: Executor, deadlines: readonly NewDeadline[]): Promise<void> {
    if (deadlines.length === 0) return;
    const created = this.clock.now().toISOString();
    await repo.insertDeadlines(
      tx,
      deadlines.map((deadline) => ({
        id: newId(),
        kind: deadline.kind,
        ref_id: deadline.refId,
        unit_id: deadline.unitId,
        due_at: deadline.dueAt.toISOString(),
        state: 'pending',
        attempts: 0,
        last_error: null,
        fired_by: null,
        created_at: created,
        fired_at: null,
      })),
    );
    // Woken before the caller commits, a pass would not see the rows yet and a deadline would wait
    // for the next poll; so where the transaction can say when it commits, wake then.
    const soonest = new Date(Math.min(...deadlines.map((d) => d.dueAt.getTime())));
    whenCommitted(tx, () => this.wakeAt(soonest));
  }

  /** Brings a pending deadline forward to `dueAt` (never later); the engine wakes when the caller commits. */
  async advance(tx: Executor, kind: string, refId: string, dueAt: Date): Promise<void> {
    await repo.advance(tx, kind, refId, dueAt.toISOString());
    whenCommitted(tx, () => this.wakeAt(dueAt));
  }

  /**
   * Moves a pending deadline to `dueAt`, earlier or later, or schedules it when there is none yet;
   * one that already fired stays fired. For rules that change while their timers wait.
   */
  async reschedule(tx: Executor, deadline: NewDeadline): Promise<void> {
    await repo.reschedule(tx, deadline.kind, deadline.refId, deadline.dueAt.toISOString());
    await this.schedule(tx, deadline);
  }

  /** As `reschedule` for several deadlines at once (a day's timers): two statements in all. */
  async rescheduleAll(tx: Executor, deadlines: readonly NewDeadline[]): Promise<void> {
    await repo.rescheduleAll(
      tx,
      deadlines.map((d) => ({ kind: d.kind, refId: d.refId, dueAt: d.dueAt.toISOString() })),
    );
    await this.scheduleAll(tx, deadlines);
  }

  /**
   * A recurring timer under one fixed name: whatever row it left (fired, failed or cancelled) gives way
   * to a fresh pending one at `dueAt`; a pending one stays as it is. From its own handler, pass the
   * row being fired (`firing`): it goes too, and the timer is armed for its next turn.
   */
  async rearm(tx: Executor, deadline: NewDeadline, firing?: Pick<DeadlineRow, 'id'>): Promise<void> {
    await repo.removeSpent(tx, deadline.kind, deadline.refId, firing?.id ?? null);
    await this.schedule(tx, deadline);
  }

  /** When a deadline of any state is (or was) due; null when there is none. */
  async dueAt(tx: Executor, kind: string, refId: string): Promise<Date | null> {
    const due = await repo.dueAt(tx, kind, refId);
    return due ? new Date(due) : null;
  }

  cancel(tx: Executor, kind: string, refId: string): Promise<void> {
    return repo.cancel(tx, [kind], refId);
  }

  /** Cancels the pending deadlines of several kinds for one record (a day's timers), in one statement. */
  cancelAll(tx: Executor, kinds: readonly string[], refId: string): Promise<void> {
    return repo.cancel(tx, kinds, refId);
  }

  /** Fires everything due now, batch after batch; returns how many fired. */
  async tick(): Promise<number> {
    let fired = 0;
    for (;;) {
      const count = await this.fireBatch();
      fired += count;
      if (count < this.batchSize) return fired;
    }
  }

  /**
   * The common case first: the whole batch in one transaction and one UPDATE to mark it fired.
   * If any handler fails, that transaction rolls back and the batch is fired again row by row,
   * each in a savepoint, so the failure stays with its own deadline.
   */
  private async fireBatch(): Promise<number> {
    try {
      return await transactionWithHooks(this.db, async (tx, afterCommit) => {
        const now = this.clock.now();
        const due = await repo.claimDue(tx, this.dialect, now.toISOString(), this.batchSize);
        for (const deadline of due) {
          const handler = this.handlers.get(deadline.kind);
          if (!handler) throw new Error(`no handler for deadline kind ${deadline.kind}`);
          await handler({ tx, deadline, now, afterCommit });
        }
        await repo.markManyFired(
          tx,
          due.map((d) => d.id),
          now.toISOString(),
          this.instanceId,
        );
        return due.length;
      });
    } catch {
      return this.fireBatchRowByRow();
    }
  }

  private async fireBatchRowByRow(): Promise<number> {
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const now = this.clock.now();
      const due = await repo.claimDue(tx, this.dialect, now.toISOString(), this.batchSize);
      for (const deadline of due) await this.fireOne(tx, deadline, now, afterCommit);
      return due.length;
    });
  }

  private async fireOne(
    tx: Transaction<Database>,
    deadline: DeadlineRow,
    now: Date,
    afterCommit: AfterCommit,
  ): Promise<void> {
    const handler = this.handlers.get(deadline.kind);
    await repo.savepoint(tx);
    const hooks: (() => void)[] = [];
    try {
      if (!handler) throw new Error(`no handler for deadline kind ${deadline.kind}`);
      await handler({ tx, deadline, now, afterCommit: (hook) => hooks.push(hook) });
      for (const hook of hooks) afterCommit(hook);
      await repo.markFired(tx, deadline.id, now.toISOString(), this.instanceId);
      await repo.releaseSavepoint(tx);
    } catch (error) {
      await repo.rollbackToSavepoint(tx);
      const attempts = deadline.attempts + 1;
      const backoffMs = Math.min(2 ** attempts * 1000, 10 * 60_000);
      const retryAt = new Date(now.getTime() + backoffMs).toISOString();
      await repo.markRetry(
        tx,
        deadline.id,
        attempts,
        String(error instanceof Error ? error.stack : error),
        retryAt,
        attempts >= this.maxAttempts,
      );
      this.options.onError?.(error, deadline);
    }
  }

  /** Runs ticks until stopped: at each due time, and at least every `pollMs`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedulePass(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private wakeAt(at: Date): void {
    if (this.stopped || this.running) return;
    const delay = Math.max(0, at.getTime() - this.clock.now().getTime());
    if (delay < this.pollMs) this.schedulePass(delay);
  }

  private schedulePass(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
  }

  private async pass(): Promise<void> {
    try {
      await this.tick();
    } catch (error) {
      this.options.onError?.(error);
    }
    if (this.stopped) return;
    const next = await repo.nextDueAt(this.db).catch(() => null);
    const untilNext = next ? Date.parse(next) - this.clock.now().getTime() : this.pollMs;
    this.schedulePass(Math.max(0, Math.min(untilNext, this.pollMs)));
  }
}
