/**
 * API writes per second on SQLite, beside raw better-sqlite3 inserts of the same rows.
 * The API path is the whole product path: HTTP on loopback, session and CSRF check, zod
 * validation, access check, the insert, and its hash-chained audit entry, one transaction each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/server/config.js';
import { loadDemo } from '../src/server/demo/load-demo.js';
import { newId } from '../src/server/lib/ids.js';
import { startServer } from '../src/server/server.js';
import { machine, writeSection } from './report.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const CONCURRENCY = 8;

async function apiWrites(dir: string): Promise<{ sequential: number; concurrent: number }> {
  const config = loadConfig({ STEADY_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', STEADY_WEB_DIR: '/nonexistent' });
  const server = await startServer(config);
  await loadDemo(server.container, 'bench-password');
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-password' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken, scopes } = (await login.json()) as { csrfToken: string; scopes: { unitId: string }[] };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const write = async (i: number) => {
    const res = await fetch(`${server.url}/api/v1/units`, {
      method: 'POST', headers, body: JSON.stringify({ parentId: scopes[0]!.unitId, name: `基准单位 ${i}`, type: 'other' }),
    });
    if (res.status !== 201) throw new Error(`write ${i}: ${res.status} ${await res.text()}`);
  };
  let started = performance.now();
  for (let i = 0; i < ROWS; i++) await write(i);
  const sequential = ROWS / ((performance.now() - started) / 1000);
  started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < ROWS) await write(ROWS + next++);
  }));
  const concurrent = ROWS / ((performance.now() - started) / 1000);
  await server.stop();
  return { sequential, concurrent };
}

/** The same rows straight into the same table through better-sqlite3, one transaction per row. */
function rawInserts(dir: string): { perRow: number; batched: number } {
  const db = new SQLite(join(dir, 'steady.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const parent = db.prepare('select id, path, depth from units where parent_id is null limit 1').get() as { id: string; path: string; depth: number };
  const insert = db.prepare(
    'insert into units (id, parent_id, name, type, time_zone, locale, path, depth, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const row = (i: number) => {
    const id = newId();
    const now = new Date().toISOString();
    return [id, parent.id, `原始单位 ${i}`, 'other', 'Asia/Shanghai', 'zh-CN', `${parent.path}${id}/`, parent.depth + 1, now, now];
  };
  const one = db.transaction((values: unknown[]) => insert.run(...values));
  let started = performance.now();
  for (let i = 0; i < ROWS; i++) one(row(i));
  const perRow = ROWS / ((performance.now() - started) / 1000);
  const many = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) insert.run(...row(ROWS + i));
  });
  started = performance.now();
  many(ROWS);
  const batched = ROWS / ((performance.now() - started) / 1000);
  db.close();
  return { perRow, batched };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'steady-bench-'));
  try {
    const api = await apiWrites(dir);
    const raw = rawInserts(dir);
    const f = (n: number) => Math.round(n).toLocaleString('en');
    const markdown = `## API writes on SQLite

\`bench/api-writes.bench.ts\` — ${ROWS} units created through \`POST /api/v1/units\` over loopback HTTP (session, CSRF, validation,
access check, insert and audit entry in one transaction each), beside the same rows inserted straight into the
same table with better-sqlite3. Machine: ${machine()}.

| path | rows/s | API ÷ raw |
| --- | ---: | ---: |
| API, one client | ${f(api.sequential)} | ${(api.sequential / raw.perRow).toFixed(3)} |
| API, ${CONCURRENCY} concurrent clients | ${f(api.concurrent)} | ${(api.concurrent / raw.perRow).toFixed(3)} |
| raw better-sqlite3, one transaction per row | ${f(raw.perRow)} | 1 |
| raw better-sqlite3, all rows in one transaction | ${f(raw.batched)} | — |
`;
    writeSection('api-writes', markdown);
    console.log(markdown);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
