/**
 * API writes per second on SQLite, beside raw better-sqlite3 inserts of the same rows, in the same
 * run. The API path is the whole product path: HTTP on loopback from a separate client process,
 * session and CSRF check, zod validation, access check, the insert and its audit entry, one
 * transaction each. BENCH_ROWS sets the count (default 3000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/server/config.js';
import { loadDemo } from '../src/server/demo/load-demo.js';
import { newId } from '../src/server/lib/ids.js';
import { startServer } from '../src/server/server.js';
import { signIn } from './lib/instances.js';
import { runLoad, type PreparedRequest } from './lib/load.js';
import { load, machine, percentile, writeSection } from './report.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 3000);
const CONCURRENCY = 8;

interface ApiFigure {
  perSecond: number;
  p50: number;
  p99: number;
  load: string;
  cpuUs: number;
}

async function apiWrites(
  dir: string,
  reference: () => void,
): Promise<{ sequential: ApiFigure; concurrent: ApiFigure; verified: string }> {
  const config = loadConfig({
    STEADY_DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    STEADY_WEB_DIR: '/nonexistent',
  });
  const server = await startServer(config);
  await loadDemo(server.container, 'bench-password');
  const {
    headers,
    me: { scopes },
  } = await signIn(server.url, 'admin', 'bench-password');
  const requests = (from: number): PreparedRequest[] =>
    Array.from({ length: ROWS }, (_, i) => ({
      method: 'POST',
      path: '/api/v1/units',
      headers,
      body: JSON.stringify({ parentId: scopes[0]!.unitId, name: `基准单位 ${from + i}`, type: 'other' }),
    }));
  const base = server.url.replace('localhost', '127.0.0.1');
  const measure = async (concurrency: number, from: number): Promise<ApiFigure> => {
    const cpu = process.cpuUsage();
    const result = await runLoad({ base, concurrency, requests: requests(from), maxMs: 120_000 });
    const used = process.cpuUsage(cpu);
    if (result.ok !== ROWS)
      throw new Error(`api-writes: ${result.ok}/${ROWS} created; ${result.firstErrors.join('; ')}`);
    return {
      perSecond: ROWS / (result.elapsedMs / 1000),
      p50: percentile(result.latencies, 50),
      p99: percentile(result.latencies, 99),
      load: load(),
      cpuUs: (used.user + used.system) / ROWS,
    };
  };
  reference();
  const sequential = await measure(1, 0);
  const concurrent = await measure(CONCURRENCY, ROWS);
  reference();
  await server.container.audit.settle();
  const verified = await server.container.audit.verify();
  await server.stop();
  return {
    sequential,
    concurrent,
    verified: verified.ok
      ? `passes (${verified.checked.toLocaleString('en')} entries)`
      : `FAILS: ${JSON.stringify(verified.problem)}`,
  };
}

/** The same rows straight into the same table through better-sqlite3, one transaction per row. */
function rawInserts(dir: string): { perRow: number; batched: number; cpuUs: number } {
  const db = new SQLite(join(dir, 'steady.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const parent = db.prepare('select id, path, depth from units where parent_id is null limit 1').get() as {
    id: string;
    path: string;
    depth: number;
  };
  const insert = db.prepare(
    'insert into units (id, parent_id, name, type, time_zone, locale, path, ' +
      'depth, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const row = (i: number) => {
    const id = newId();
    const now = new Date().toISOString();
    return [
      id,
      parent.id,
      `原始单位 ${i}`,
      'other',
      'Asia/Shanghai',
      'zh-CN',
      `${parent.path}${id}/`,
      parent.depth + 1,
      now,
      now,
    ];
  };
  const one = db.transaction((values: unknown[]) => insert.run(...values));
  let started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < ROWS; i++) one(row(i));
  const used = process.cpuUsage(cpu);
  const perRow = ROWS / ((performance.now() - started) / 1000);
  const many = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) insert.run(...row(ROWS + i));
  });
  started = performance.now();
  many(ROWS);
  const batched = ROWS / ((performance.now() - started) / 1000);
  db.close();
  return { perRow, batched, cpuUs: (used.user + used.system) / ROWS };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'steady-bench-'));
  try {
    const refs: ReturnType<typeof rawInserts>[] = [];
    // The server is idle meanwhile; the reference writes through its own connection to the same file.
    const api = await apiWrites(dir, () => refs.push(rawInserts(dir)));
    const [before, after] = refs as [ReturnType<typeof rawInserts>, ReturnType<typeof rawInserts>];
    // The reference is taken just before and just after the API runs; the mean of the two is the divisor.
    const raw = {
      perRow: (before.perRow + after.perRow) / 2,
      batched: (before.batched + after.batched) / 2,
      cpuUs: (before.cpuUs + after.cpuUs) / 2,
    };
    const f = (n: number) => Math.round(n).toLocaleString('en');
    const ms = (n: number) => n.toFixed(1);
    const markdown =
      `## API writes on SQLite

\`bench/api-writes.bench.ts\` — ${ROWS} units created through ` +
      `\`POST /api/v1/units\` over loopback HTTP from a separate
client process (session, CSRF, validation, access check, ` +
      `insert and audit entry in one transaction each), beside the same
rows inserted straight into the same table with better-sqlite3 ` +
      `just before and just after (the mean is the reference).
Machine: ${machine()}; load average (1 min) at each figure in ` +
      `the last column — the machine is shared, so the ratio to
the reference measured in the same run is the figure to read.

| path | rows/s | API ÷ raw | p50 ms | p99 ms | server CPU µs per row | raw ÷ API, by CPU | load |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| API, one client | ${f(api.sequential.perSecond)} | ${(api.sequential.perSecond / raw.perRow).toFixed(3)} ` +
      `| ${ms(api.sequential.p50)} | ${ms(api.sequential.p99)} | ${f(api.sequential.cpuUs)} ` +
      `| ${(raw.cpuUs / api.sequential.cpuUs).toFixed(3)} | ${api.sequential.load} |
| API, ${CONCURRENCY} concurrent clients | ${f(api.concurrent.perSecond)} | ` +
      `${(api.concurrent.perSecond / raw.perRow).toFixed(3)} | ${ms(api.concurrent.p50)} ` +
      `| ${ms(api.concurrent.p99)} | ${f(api.concurrent.cpuUs)} | ` +
      `${(raw.cpuUs / api.concurrent.cpuUs).toFixed(3)} | ${api.concurrent.load} |
| raw better-sqlite3, one transaction per row | ${f(raw.perRow)} (${f(before.perRow)} ` +
      `before, ${f(after.perRow)} after) | 1 | | | ${f(raw.cpuUs)} | 1 | |
| raw better-sqlite3, all rows in one transaction | ${f(raw.batched)} | — | | | | | |

"Server CPU µs per row" is the CPU time the Steady process (or the ` +
      `raw loop) used per row, which a loaded machine does not
inflate the way it inflates waiting: "raw ÷ API, by CPU" is what ` +
      `the ratio would be if each side had a core to itself.

The audit trail after the concurrent run (\`verify\`, as \`steady audit verify\` does): ${api.verified}.

Aim (issue #15): API ÷ raw ≥ 0.3 with ${CONCURRENCY} clients.
`;
    writeSection('api-writes', markdown);
    console.log(markdown);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
