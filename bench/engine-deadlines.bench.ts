/**
 * Deadline punctuality: N pending deadlines due evenly over a window, fired by Steady's engine on
 * PostgreSQL (one and two instances sharing the table through SKIP LOCKED) and on SQLite, beside
 * graphile-worker on the same PostgreSQL. Lateness is first firing − due time, measured in this
 * process on the wall clock; duplicates are deadlines whose handler ran more than once; losses are
 * deadlines not fired by the end of the window plus a grace period. Then a backlog of already-due
 * deadlines is fired as fast as each system goes, for its capacity.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/database.js';
import { GRAPHILE_OPTIONS, runGraphile } from './engine/graphile.js';
import { BENCH_PG_URL, createSchema, dropSchema, freshSchemaName, pgReachable } from './engine/pg.js';
import type { SystemResult } from './engine/result.js';
import { runSteady } from './engine/steady.js';
import { workloadFromEnv, type Workload } from './engine/workload.js';
import { machine, writeSection } from './report.js';

/** Steady's engine options for this run (its public knobs only); defaults are batchSize 100, pollMs 250. */
const ENGINE = {
  batchSize: Number(process.env.BENCH_ENGINE_BATCH ?? 100),
  pollMs: Number(process.env.BENCH_ENGINE_POLL_MS ?? 250),
};
const SYSTEMS = ['steady-pg', 'graphile', 'steady-pg-2', 'steady-sqlite'] as const;
type SystemName = (typeof SYSTEMS)[number];

async function steadyOnPostgres(w: Workload, backlog: number, instances: number): Promise<SystemResult> {
  const schema = freshSchemaName('bench_steady');
  await createSchema(schema);
  try {
    return await runSteady({
      system: `Steady engine, PostgreSQL${instances > 1 ? `, ${instances} instances` : ''}`,
      open: () => openDatabase({ dialect: 'postgres', url: BENCH_PG_URL, schema, poolSize: 4 }),
      instances,
      engine: ENGINE,
      workload: w,
      backlog,
    });
  } finally {
    await dropSchema(schema);
  }
}

async function steadyOnSqlite(w: Workload, backlog: number): Promise<SystemResult> {
  const dir = mkdtempSync(join(tmpdir(), 'steady-bench-deadlines-'));
  try {
    return await runSteady({
      system: 'Steady engine, SQLite',
      open: () => openDatabase({ dialect: 'sqlite', path: join(dir, 'steady.db') }),
      instances: 1,
      engine: ENGINE,
      workload: w,
      backlog,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The commit the figures belong to, marked when the working tree has changes. */
function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src/server'], { encoding: 'utf8' }).trim();
    return `commit ${head}${dirty ? ' (src/server with uncommitted changes)' : ''}`;
  } catch {
    return 'an unknown commit';
  }
}

const ms = (n: number) =>
  Number.isNaN(n) ? '—' : n === Infinity ? 'never' : n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en');
const int = (n: number) => Math.round(n).toLocaleString('en');
const lost = (r: SystemResult) =>
  r.window.losses === 0
    ? '0'
    : `${int(r.window.losses)} ` +
      `(${r.window.neverFired === 0 ? 'all fired later' : `${int(r.window.neverFired)} never`})`;
const pct = (n: number) => (Number.isNaN(n) ? '—' : `${Math.round(n * 100)} %`);

function markdown(
  w: Workload,
  results: SystemResult[],
  skipped: string[],
  pgVersion: string | null,
  loads: number[],
): string {
  const rows = results.map(
    (r) =>
      `| ${r.system} | ${int(r.window.fired)} | ${ms(r.window.p50)} | ${ms(r.window.p90)} ` +
      `| ${ms(r.window.p99)} | ${ms(r.window.max)} | ${r.window.duplicates} | ${lost(r)} ` +
      `| ${pct(r.nodeCpu)} | ${pct(r.machineCpu)} | ${int(r.backlog.perSecond)} |`,
  );
  const setups = results.map(
    (r) =>
      `- ${r.system}: ${r.setup}; ${int(w.count)} rows put in in ${int(r.insertMs)} ms before ` +
      `the window; ${r.leftPending} rows left not done after it stopped; ` +
      `backlog ${int(r.backlog.fired)}/${int(r.backlog.count)} fired, ${r.backlog.duplicates} duplicates.`,
  );
  const steadyPg = results.find((r) => r.system === 'Steady engine, PostgreSQL');
  const gw = results.find((r) => r.system.startsWith('graphile-worker'));
  const verdicts = results
    .filter((r) => r.system.startsWith('Steady'))
    .map((r) => {
      const clean = r.window.duplicates === 0 && r.window.losses === 0;
      return (
        `- ${r.system}: p99 ${ms(r.window.p99)} ms — ` +
        `${r.window.p99 < 100 ? 'under' : '**not under**'} 100 ms; ` +
        `${clean ? 'no duplicates, no losses' : `**${r.window.duplicates} duplicates, ${r.window.losses} losses**`}` +
        '.'
      );
    });
  if (steadyPg && gw) {
    const asGood = steadyPg.window.p50 <= gw.window.p50 && steadyPg.window.p99 <= gw.window.p99;
    verdicts.push(
      `- Against graphile-worker on the same PostgreSQL: p50 ${ms(steadyPg.window.p50)} ` +
        `vs ${ms(gw.window.p50)} ms, p99 ${ms(steadyPg.window.p99)} vs ${ms(gw.window.p99)} ` +
        `ms — Steady is ${asGood ? 'at least as punctual' : '**less punctual**'}.`,
    );
  }
  return (
    `## Deadline engine: punctuality at ${int(w.count)} deadlines

\`bench/engine-deadlines.bench.ts\` — ${int(w.count)} pending deadlines due evenly ` +
    `over ${w.windowMs / 1000} s (${int(w.count / (w.windowMs / 1000))} a second),
put in before the window opens; each system fires them with a ` +
    `handler that only notes the time. Lateness = first firing − due
time, in ms, on this process's wall clock; a duplicate is a deadline ` +
    `whose handler ran more than once; a loss is one not fired
within the window + ${w.graceMs / 1000} s (a system still behind then is left ` +
    `${w.catchUpMs / 1000} s more, to tell late from never). CPU is over ` +
    `the window: Node's share of one core, and the whole machine's busy share
(PostgreSQL included). Backlog = ${int(results[0]?.backlog.count ?? 0)} ` +
    `deadlines already due, fired as fast as the system goes (firings a second,
first to last). One run each, one after another, on the same machine ` +
    `and PostgreSQL${pgVersion ? ` (${pgVersion.split(',')[0]})` : ''}.
Steady at ${revision()}. Machine: ${machine()}; load average ` +
    `${loads.map((l) => l.toFixed(1)).join(' → ')} over the runs (other work shares it).

| system | fired | p50 | p90 | p99 | max | dupl. | lost | Node CPU | machine CPU | backlog /s |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

${setups.join('\n')}
${skipped.length ? `\nNot run: ${skipped.join('; ')}.\n` : ''}
Aim: p99 under 100 ms, no duplicates, no losses, at least as punctual as graphile-worker.

${verdicts.join('\n')}

How they differ: Steady's engine claims due rows in batches (\`FOR ` +
    `UPDATE SKIP LOCKED\` on PostgreSQL), runs their handlers
in one transaction and marks the batch fired with one UPDATE, ` +
    `so a firing and its effects commit together (if a handler fails,
the batch is rolled back and redone row by row in savepoints); ` +
    `after each pass it sleeps until the next due row (read with
\`min(due_at)\`) or at most \`pollMs\`. graphile-worker (${GRAPHILE_OPTIONS.concurrency} concurrent
jobs) locks one job per query, runs the task outside any transaction ` +
    `and deletes the job afterwards; its workers poll every
${GRAPHILE_OPTIONS.pollInterval} ms and are woken by NOTIFY when ` +
    `jobs are added, and its time source is PostgreSQL's \`now()\`.
`
  );
}

export async function run(): Promise<void> {
  const w = workloadFromEnv();
  const backlog = Number(process.env.BENCH_DEADLINES_BACKLOG ?? Math.min(w.count, 20_000));
  const only = (process.env.BENCH_DEADLINES_SYSTEMS ?? SYSTEMS.join(','))
    .split(',')
    .map((s) => s.trim()) as SystemName[];
  for (const name of only)
    if (!SYSTEMS.includes(name))
      throw new Error(`BENCH_DEADLINES_SYSTEMS: unknown ${name}; known: ${SYSTEMS.join(', ')}`);
  const pgVersion = await pgReachable();
  const results: SystemResult[] = [];
  const skipped: string[] = [];
  const runs: Record<SystemName, () => Promise<SystemResult>> = {
    'steady-pg': () => steadyOnPostgres(w, backlog, 1),
    graphile: () => runGraphile(w, backlog),
    'steady-pg-2': () => steadyOnPostgres(w, backlog, 2),
    'steady-sqlite': () => steadyOnSqlite(w, backlog),
  };
  const loads = [loadavg()[0]!];
  for (const name of only) {
    if (name !== 'steady-sqlite' && !pgVersion) {
      skipped.push(`${name} (no PostgreSQL at ${new URL(BENCH_PG_URL).host})`);
      continue;
    }
    console.log(`  ${name}: ${w.count} deadlines over ${w.windowMs} ms…`);
    const result = await runs[name]();
    console.log(
      `  ${name}: p50 ${ms(result.window.p50)} p99 ${ms(result.window.p99)} max ` +
        `${ms(result.window.max)} ms, ${result.window.duplicates} dup, ${lost(result)} lost, ` +
        `backlog ${int(result.backlog.perSecond)}/s, load ${loadavg()[0]!.toFixed(1)}`,
    );
    results.push(result);
    loads.push(loadavg()[0]!);
  }
  const text = markdown(w, results, skipped, pgVersion, loads);
  writeSection('engine-deadlines', text);
  console.log(text);
}
