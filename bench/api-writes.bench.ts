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
import Fastify from 'fastify';
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
): Promise<{ sequential: ApiFigure; concurrent: ApiFigure; verified: string; floorRequests: PreparedRequest[] }> {
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
  const measure = (concurrency: number, from: number) => measureLoad(base, concurrency, requests(from));
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
    floorRequests: requests(2 * ROWS),
    verified: verified.ok
      ? `passes (${verified.checked.toLocaleString('en')} entries)`
      : `FAILS: ${JSON.stringify(verified.problem)}`,
  };
}

/**
 * What HTTP alone costs here, with the same client, connections and bodies: a bare Fastify server in
 * this process that parses the JSON body and answers 201 with the new id, without (`insert: false`)
 * and with the row's insert through better-sqlite3 in one transaction per request. No session, no
 * validation, no access check, no audit: the ceiling any HTTP API on this machine could reach.
 */
async function httpFloor(dir: string, requests: PreparedRequest[], insert: boolean): Promise<ApiFigure> {
  const db = new SQLite(join(dir, 'steady.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const write = rawRowWriter(db);
  const app = Fastify({ logger: false });
  app.post('/api/v1/units', async (request, reply) => {
    const body = request.body as { name: string };
    const id = insert ? write.one(body.name) : newId();
    return reply.code(201).send({ id, name: body.name });
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await measureLoad(address, 8, requests);
  } finally {
    await app.close();
    db.close();
  }
}

async function measureLoad(base: string, concurrency: number, requests: PreparedRequest[]): Promise<ApiFigure> {
  const cpu = process.cpuUsage();
  const result = await runLoad({ base, concurrency, requests, maxMs: 120_000 });
  const used = process.cpuUsage(cpu);
  if (result.ok !== requests.length)
    throw new Error(`api-writes: ${result.ok}/${requests.length} answered; ${result.firstErrors.join('; ')}`);
  return {
    perSecond: requests.length / (result.elapsedMs / 1000),
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    load: load(),
    cpuUs: (used.user + used.system) / requests.length,
  };
}

/** A unit row under the root, straight through better-sqlite3: `row` alone, `one` in its own transaction. */
function rawRowWriter(db: SQLite.Database): { row: (name: string) => string; one: (name: string) => string } {
  const parent = db.prepare('select id, path, depth from units where parent_id is null limit 1').get() as {
    id: string;
    path: string;
    depth: number;
  };
  const insert = db.prepare(
    'insert into units (id, parent_id, name, type, time_zone, locale, path, ' +
      'depth, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const row = (name: string): string => {
    const id = newId();
    const now = new Date().toISOString();
    insert.run(
      id,
      parent.id,
      name,
      'other',
      'Asia/Shanghai',
      'zh-CN',
      `${parent.path}${id}/`,
      parent.depth + 1,
      now,
      now,
    );
    return id;
  };
  const one = db.transaction(row);
  return { row, one: (name) => one(name) };
}

/** The same rows straight into the same table through better-sqlite3, one transaction per row. */
function rawInserts(dir: string): { perRow: number; batched: number; cpuUs: number } {
  const db = new SQLite(join(dir, 'steady.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const write = rawRowWriter(db);
  let started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < ROWS; i++) write.one(`原始单位 ${i}`);
  const used = process.cpuUsage(cpu);
  const perRow = ROWS / ((performance.now() - started) / 1000);
  const many = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) write.row(`原始单位 ${ROWS + i}`);
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
    const bare = await httpFloor(dir, api.floorRequests, false);
    const withInsert = await httpFloor(dir, api.floorRequests, true);
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
| the floor: bare Fastify, parse and answer, ${CONCURRENCY} clients | ${f(bare.perSecond)} | ` +
      `${(bare.perSecond / raw.perRow).toFixed(3)} | ${ms(bare.p50)} | ${ms(bare.p99)} | ${f(bare.cpuUs)} | ` +
      `${(raw.cpuUs / bare.cpuUs).toFixed(3)} | ${bare.load} |
| the floor with the insert: bare Fastify + better-sqlite3, ${CONCURRENCY} clients | ${f(withInsert.perSecond)} | ` +
      `${(withInsert.perSecond / raw.perRow).toFixed(3)} | ${ms(withInsert.p50)} | ${ms(withInsert.p99)} | ` +
      `${f(withInsert.cpuUs)} | ${(raw.cpuUs / withInsert.cpuUs).toFixed(3)} | ${withInsert.load} |
| raw better-sqlite3, one transaction per row | ${f(raw.perRow)} (${f(before.perRow)} ` +
      `before, ${f(after.perRow)} after) | 1 | | | ${f(raw.cpuUs)} | 1 | |
| raw better-sqlite3, all rows in one transaction | ${f(raw.batched)} | — | | | | | |

"Server CPU µs per row" is the CPU time the Steady process (or the ` +
      `raw loop) used per row, which a loaded machine does not
inflate the way it inflates waiting: "raw ÷ API, by CPU" is what ` +
      `the ratio would be if each side had a core to itself.

"The floor" rows are a bare Fastify server in the bench's process, sent the same bodies by the same client
from the same ${CONCURRENCY} connections, that parses each body and answers 201 with an id — first alone, then with
the row's insert through better-sqlite3 in one transaction per request: no session, validation, access check or
audit. They are what HTTP itself costs on this machine, so the ceiling of any HTTP API's ratio to the raw inserts.

The audit trail after the concurrent run (\`verify\`, as \`steady audit verify\` does): ${api.verified}.

Aim (issue #15): API ÷ raw ≥ 0.3 with ${CONCURRENCY} clients.
`;
    writeSection('api-writes', markdown);
    console.log(markdown);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
