/**
 * graphile-worker under the same workload, on the same PostgreSQL: the same N jobs with `run_at`
 * spread the same way, added in bulk through its `add_jobs` SQL function, and a task that only
 * notes the moment it runs.
 */
import { Logger, run, runMigrations, type Runner } from 'graphile-worker';
import { BENCH_PG_URL, dropSchema, freshSchemaName, pgQuery } from './pg.js';
import type { SystemResult } from './result.js';
import { cpuMeter, dueAtMs, Recorder, sleep, summarize, type Workload } from './workload.js';

export const GRAPHILE_OPTIONS = { concurrency: 10, pollInterval: 100 };
const CHUNK = 10_000;

const logger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(`  graphile-worker ${level}: ${message}`);
});

/** Adds jobs `from`..`to` − 1 of `task`, job i due at start + floor(i × window ÷ count) ms (window 0: all at start). */
async function addJobs(schema: string, task: string, count: number, startMs: number, windowMs: number): Promise<void> {
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK);
    await pgQuery(
      `select count(*) from ${schema}.add_jobs(array(
         select row($1::text, json_build_object('i', i), null, to_timestamp(($2::float8 + floor(i ` +
        `* $3::float8 / $4::float8)) / 1000), null, null, null, null)::${schema}.job_spec
         from generate_series($5::int, $6::int) as i))`,
      [task, startMs, windowMs, count, from, to - 1],
    );
  }
  await pgQuery(`analyze ${schema}._private_jobs`);
}

export async function runGraphile(w: Workload, backlogCount: number): Promise<SystemResult> {
  const schema = freshSchemaName('bench_gw');
  const options = { connectionString: BENCH_PG_URL, schema, logger, noHandleSignals: true, ...GRAPHILE_OPTIONS };
  let runner: Runner | undefined;
  try {
    await runMigrations(options);
    let lead = w.leadMs;
    let startMs = 0;
    let insertMs = 0;
    for (let attempt = 1; ; attempt++) {
      const insertStarted = Date.now();
      startMs = insertStarted + lead;
      await addJobs(schema, 'bench_tick', w.count, startMs, w.windowMs);
      insertMs = Date.now() - insertStarted;
      if (Date.now() <= startMs - 1_000) break;
      if (attempt === 3)
        throw new Error(
          `engine-deadlines: adding jobs took ${insertMs} ms, too close to the window; raise BENCH_DEADLINES_LEAD_MS`,
        );
      await pgQuery(`delete from ${schema}._private_jobs`);
      lead = 2 * insertMs + 5_000;
    }

    const ticks = new Recorder(w.count);
    const backlog = new Recorder(backlogCount);
    const index = (payload: unknown) => (payload as { i: number }).i;
    runner = await run({
      ...options,
      taskList: {
        bench_tick: async (payload) => ticks.record(index(payload)),
        bench_backlog: async (payload) => backlog.record(index(payload)),
      },
    });

    await sleep(startMs - Date.now());
    const cpu = cpuMeter();
    const cutoff = startMs + w.windowMs + w.graceMs;
    await ticks.settle(cutoff);
    const used = cpu();
    await ticks.settle(cutoff + w.catchUpMs);

    const backlogDue = Date.now() - 1_000;
    await addJobs(schema, 'bench_backlog', backlogCount, backlogDue, 0);
    await backlog.settle(Date.now() + 120_000, 200);
    await runner.stop();
    runner = undefined;
    // graphile-worker deletes a job once it has run; what is left did not complete.
    const { rows } = await pgQuery(`select count(*)::int as n from ${schema}._private_jobs`);

    const due = (i: number) => dueAtMs(startMs, w, i);
    const backlogSummary = summarize(backlog, () => backlogDue);
    return {
      system: 'graphile-worker 0.17.2, PostgreSQL',
      setup:
        `concurrency ${GRAPHILE_OPTIONS.concurrency}, pollInterval ${GRAPHILE_OPTIONS.pollInterval} ms, ` +
        'otherwise defaults (LISTEN/NOTIFY on; its batching options localQueue and completeJobBatchDelay left off)',
      insertMs,
      window: summarize(ticks, due, cutoff),
      nodeCpu: used.node,
      machineCpu: used.machine,
      backlog: {
        count: backlogCount,
        fired: backlogSummary.fired,
        duplicates: backlogSummary.duplicates,
        losses: backlogSummary.losses,
        perSecond: backlog.distinct / Math.max(0.001, (backlog.lastAt - backlog.firstEverAt) / 1000),
      },
      leftPending: Number((rows[0] as { n: number }).n),
    };
  } finally {
    await runner?.stop().catch(() => undefined);
    await dropSchema(schema);
  }
}
