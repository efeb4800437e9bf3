/**
 * Profiles the write path: `tsx bench/profile-write.ts OUT.cpuprofile` starts Steady on a fresh
 * SQLite database, signs in, then records a V8 CPU profile of the server process (only) while a
 * separate client process creates BENCH_ROWS units through `POST /api/v1/units` from 8 connections.
 * `tsx bench/profile-top.ts OUT.cpuprofile` lists where the time went (docs/benchmarks.md has both).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { loadDemo } from '../src/server/demo/load-demo.js';
import { startServer } from '../src/server/server.js';
import { signIn } from './lib/instances.js';
import { runLoad } from './lib/load.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const out = process.argv[2] ?? 'write.cpuprofile';
const dir = mkdtempSync(join(tmpdir(), 'steady-profile-'));
const config = loadConfig({
  STEADY_DATA_DIR: dir,
  PORT: '0',
  HOST: '127.0.0.1',
  STEADY_WEB_DIR: '/nonexistent',
  LOG_LEVEL: 'info',
});
const server = await startServer(config);
await loadDemo(server.container, 'bench-password');
const {
  headers,
  me: { scopes },
} = await signIn(server.url, 'admin', 'bench-password');
// BENCH_PROFILE_ROUTE=incidents profiles incident reports (each starting its chain) instead of new units.
const incidents = process.env.BENCH_PROFILE_ROUTE === 'incidents';
const schools = incidents
  ? (await server.container.db.selectFrom('units').select('id').where('type', '=', 'school').execute()).map((u) => u.id)
  : [];
const requests = Array.from({ length: ROWS }, (_, i) =>
  incidents
    ? {
        method: 'POST',
        path: '/api/v1/incidents',
        headers,
        body: JSON.stringify({
          unitId: schools[i % schools.length],
          type: 'injury',
          severity: 4,
          place: `剖析地点 ${i}`,
          description: `剖析事件 ${i}`,
        }),
      }
    : {
        method: 'POST',
        path: '/api/v1/units',
        headers,
        body: JSON.stringify({ parentId: scopes[0]!.unitId, name: `剖析单位 ${i}`, type: 'other' }),
      },
);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const cpu = process.cpuUsage();
const result = await runLoad({
  base: server.url.replace('localhost', '127.0.0.1'),
  concurrency: 8,
  requests,
  maxMs: 300_000,
});
const used = process.cpuUsage(cpu);
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
// CPU time, not the rate, is what to compare on a shared machine (the profiler's own cost included).
const perWrite = Math.round((used.user + used.system) / result.ok);
const took = `${result.ok}/${ROWS} writes in ${Math.round(result.elapsedMs)} ms`;
console.error(`${took}, server CPU ${perWrite} µs a write; profile in ${out}`);
await server.stop();
rmSync(dir, { recursive: true, force: true });
