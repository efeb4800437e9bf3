/**
 * Steady's own deadline engine under the workload: rows put straight into `deadlines`, then real
 * `DeadlineEngine`s on the system clock, tuned only through their public options.
 */
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../src/server/db/database.js';
import type { DeadlineRow } from '../../src/server/engine/deadlines.table.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { DeadlineEngine, type EngineOptions } from '../../src/server/engine/engine.js';
import { systemClock } from '../../src/server/lib/clock.js';
import { newId } from '../../src/server/lib/ids.js';
import type { SystemResult } from './result.js';
import { cpuMeter, dueAtMs, Recorder, sleep, summarize, type Workload } from './workload.js';

const TICK = 'bench.tick';
const BACKLOG = 'bench.backlog';
/** Rows per insert statement: 11 parameters each stays under SQLite's and PostgreSQL's limits. */
const CHUNK = 2_000;

export interface SteadyRun {
  system: string;
  /** Opens one connection (pool) to the database under test; called once per engine instance. */
  open: () => OpenedDatabase;
  instances: number;
  engine: Pick<EngineOptions, 'batchSize' | 'pollMs'>;
  workload: Workload;
  backlog: number;
}

async function insertRows(
  opened: OpenedDatabase,
  kind: string,
  count: number,
  dueAt: (i: number) => number,
): Promise<void> {
  const createdAt = new Date().toISOString();
  await opened.db.transaction().execute(async (tx) => {
    for (let from = 0; from < count; from += CHUNK) {
      const rows: DeadlineRow[] = [];
      for (let i = from; i < Math.min(count, from + CHUNK); i++) {
        rows.push({
          id: newId(),
          kind,
          ref_id: String(i),
          unit_id: null,
          due_at: new Date(dueAt(i)).toISOString(),
          state: 'pending',
          attempts: 0,
          last_error: null,
          fired_by: null,
          created_at: createdAt,
          fired_at: null,
        });
      }
      await tx.insertInto('deadlines').values(rows).execute();
    }
  });
  // Fresh statistics, as autovacuum would soon have them on a live table.
  await sql`analyze deadlines`.execute(opened.db);
}

export async function runSteady(run: SteadyRun): Promise<SystemResult> {
  const w = run.workload;
  const first = run.open();
  const opened = [first];
  const engines: DeadlineEngine[] = [];
  const errors: unknown[] = [];
  try {
    await migrateToLatest(first.db);

    // The window opens `leadMs` after the insert starts; if the insert overran that (a busy machine), try again with
    // more lead.
    let lead = w.leadMs;
    let startMs = 0;
    let insertMs = 0;
    for (let attempt = 1; ; attempt++) {
      const insertStarted = Date.now();
      startMs = insertStarted + lead;
      await insertRows(first, TICK, w.count, (i) => dueAtMs(startMs, w, i));
      insertMs = Date.now() - insertStarted;
      if (Date.now() <= startMs - 1_000) break;
      if (attempt === 3)
        throw new Error(
          `engine-deadlines: inserting took ${insertMs} ms, too close to the window; raise BENCH_DEADLINES_LEAD_MS`,
        );
      await sql`delete from deadlines`.execute(first.db);
      lead = 2 * insertMs + 5_000;
    }
    const due = (i: number) => dueAtMs(startMs, w, i);

    const ticks = new Recorder(w.count);
    const backlog = new Recorder(run.backlog);
    for (let k = 0; k < run.instances; k++) {
      if (k > 0) opened.push(run.open());
      const engine = new DeadlineEngine(opened[k]!.db, first.dialect, systemClock, {
        ...run.engine,
        instanceId: `bench-${k}`,
        onError: (error) => errors.push(error),
      });
      // The handler runs inside the engine's transaction; it only notes the moment.
      engine.register([
        { kind: TICK, fire: async ({ deadline }) => ticks.record(Number(deadline.ref_id)) },
        { kind: BACKLOG, fire: async ({ deadline }) => backlog.record(Number(deadline.ref_id)) },
      ]);
      engines.push(engine);
    }
    for (const engine of engines) engine.start();

    await sleep(startMs - Date.now());
    const cpu = cpuMeter();
    const cutoff = startMs + w.windowMs + w.graceMs;
    await ticks.settle(cutoff);
    const used = cpu();
    await ticks.settle(cutoff + w.catchUpMs);

    // Capacity: a backlog already due, fired as fast as the engines go.
    const backlogDue = Date.now() - 1_000;
    await insertRows(first, BACKLOG, run.backlog, () => backlogDue);
    await backlog.settle(Date.now() + 120_000, 200);

    await Promise.all(engines.map((engine) => engine.stop()));
    const left = await first.db
      .selectFrom('deadlines')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('state', '!=', 'fired')
      .executeTakeFirstOrThrow();
    if (errors.length) console.error(`  ${run.system}: ${errors.length} engine errors, first:`, errors[0]);

    const backlogSummary = summarize(backlog, () => backlogDue);
    return {
      system: run.system,
      setup:
        `${run.instances} instance${run.instances > 1 ? 's' : ''}, batchSize ` +
        `${run.engine.batchSize ?? 'default'}, pollMs ${run.engine.pollMs ?? 'default'}`,
      insertMs,
      window: summarize(ticks, due, cutoff),
      nodeCpu: used.node,
      machineCpu: used.machine,
      backlog: {
        count: run.backlog,
        fired: backlogSummary.fired,
        duplicates: backlogSummary.duplicates,
        losses: backlogSummary.losses,
        perSecond: backlog.distinct / Math.max(0.001, (backlog.lastAt - backlog.firstEverAt) / 1000),
      },
      leftPending: Number(left.n),
    };
  } finally {
    await Promise.all(engines.map((engine) => engine.stop()));
    await Promise.all(opened.map((o) => o.db.destroy()));
  }
}
