/**
 * Profiles the write path: `tsx bench/profile-write.ts OUT.cpuprofile` starts Steady on a fresh
 * SQLite database, signs in, then records a V8 CPU profile of the server process (only) while a
 * separate client process creates BENCH_ROWS units through `POST /api/v1/units` from 8 connections.
 * `tsx bench/profile-top.ts OUT.cpuprofile` lists where the time went (docs/benchmarks.md has both).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { loadDemo } from '../src/server/demo/load-demo.js';
import { newId } from '../src/server/lib/ids.js';
import type { Container } from '../src/server/container.js';
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
await loadDemo(server.container, 'bench-password', {
  samplePlans: process.env.BENCH_PROFILE_ROUTE === 'daily-reports',
});
const {
  headers,
  me: { scopes },
} = await signIn(server.url, 'admin', 'bench-password');

/**
 * For BENCH_PROFILE_ROUTE=daily-reports: a town with BENCH_ROWS schools, each with its own standing
 * plan (a sample school's: a daily report by 15:00 in Asia/Shanghai; a standing plan rules its own
 * unit only) and a safety officer signed in (a session row); one zero report request each. Run
 * after 15:00 in Shanghai (07:00 UTC), the planner decides the days as not required.
 */
async function zeroReportRequests(c: Container, count: number) {
  const db = c.db;
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 6 * 3600_000).toISOString();
  const root = await db
    .selectFrom('units')
    .select(['id', 'path', 'depth'])
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const plan = await db
    .selectFrom('plan_versions as v')
    .innerJoin('plans as p', 'p.id', 'v.plan_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['v.content_json', 'v.title', 'v.locale'])
    .where('v.status', '=', 'published')
    .where('u.type', '=', 'school')
    .executeTakeFirstOrThrow();
  const townId = newId();
  const townPath = `${root.path}${townId}/`;
  const unit = (id: string, parent: string, name: string, type: 'school' | 'other', path: string, depth: number) =>
    ({
      id,
      parent_id: parent,
      name,
      type,
      time_zone: 'Asia/Shanghai',
      locale: 'zh-CN',
      path,
      depth,
      created_at: now,
      updated_at: now,
    }) as const;
  await db
    .insertInto('units')
    .values(unit(townId, root.id, '剖析镇', 'other', townPath, root.depth + 1))
    .execute();
  const requests = [];
  for (let i = 0; i < count; i += 500) {
    const batch = Array.from({ length: Math.min(500, count - i) }, (_, j) => {
      const secret = randomBytes(24).toString('base64url');
      return {
        unitId: newId(),
        personId: newId(),
        accountId: newId(),
        secret,
        csrf: randomBytes(16).toString('hex'),
        n: i + j,
      };
    });
    await db
      .insertInto('units')
      .values(
        batch.map((b) =>
          unit(b.unitId, townId, `剖析学校 ${b.n}`, 'school', `${townPath}${b.unitId}/`, root.depth + 2),
        ),
      )
      .execute();
    await db
      .insertInto('people')
      .values(
        batch.map(
          (b) =>
            ({
              id: b.personId,
              home_unit_id: b.unitId,
              name: `安全员 ${b.n}`,
              created_at: now,
              updated_at: now,
            }) as never,
        ),
      )
      .execute();
    const plans = batch.map((b) => ({ ...b, planId: newId() }));
    await db
      .insertInto('plans')
      .values(
        plans.map(
          (b) =>
            ({
              id: b.planId,
              unit_id: b.unitId,
              kind: 'standing',
              template: 'school',
              created_at: now,
              updated_at: now,
            }) as never,
        ),
      )
      .execute();
    await db
      .insertInto('plan_versions')
      .values(
        plans.map(
          (b) =>
            ({
              id: newId(),
              plan_id: b.planId,
              version: 1,
              status: 'published',
              title: plan.title,
              locale: plan.locale,
              covers_sub_units: 0,
              content_json: plan.content_json,
              created_at: now,
              updated_at: now,
              published_at: now,
            }) as never,
        ),
      )
      .execute();
    await db
      .insertInto('memberships')
      .values(
        batch.map((b) => ({
          id: newId(),
          person_id: b.personId,
          unit_id: b.unitId,
          role: 'safety_officer' as const,
          created_at: now,
        })),
      )
      .execute();
    await db
      .insertInto('accounts')
      .values(
        batch.map(
          (b) =>
            ({
              id: b.accountId,
              person_id: b.personId,
              username: `profile.${b.n}`,
              password_hash: 'not-a-password-hash',
              must_change_password: 0,
              created_at: now,
              updated_at: now,
            }) as never,
        ),
      )
      .execute();
    await db
      .insertInto('sessions')
      .values(
        batch.map(
          (b) =>
            ({
              id: createHash('sha256').update(b.secret).digest('hex'),
              account_id: b.accountId,
              csrf_token: b.csrf,
              created_at: now,
              expires_at: expires,
              last_seen_at: now,
            }) as never,
        ),
      )
      .execute();
    for (const b of batch)
      requests.push({
        method: 'POST',
        path: '/api/v1/daily-reports/zero',
        body: JSON.stringify({ unitId: b.unitId }),
        headers: { cookie: `steady_session=${b.secret}`, 'x-csrf-token': b.csrf, 'content-type': 'application/json' },
      });
  }
  // As at 15:00, the planner has decided every school's day (at midnight) before the reports come:
  // it is called now rather than at its next look (up to ten minutes away).
  await c.engine.advance(db, 'daily-reports.planner', 'planner', new Date());
  for (;;) {
    const planned = await db
      .selectFrom('daily_report_months')
      .innerJoin('units', 'units.id', 'daily_report_months.unit_id')
      .where('units.parent_id', '=', townId)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(planned.n) >= count) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return requests;
}

// BENCH_PROFILE_ROUTE=incidents profiles incident reports (each starting its chain) instead of new units,
// BENCH_PROFILE_ROUTE=daily-reports zero daily reports of a town's schools on a day already planned.
const incidents = process.env.BENCH_PROFILE_ROUTE === 'incidents';
const dailyReports = process.env.BENCH_PROFILE_ROUTE === 'daily-reports';
const schools = incidents
  ? (await server.container.db.selectFrom('units').select('id').where('type', '=', 'school').execute()).map((u) => u.id)
  : [];
const requests = dailyReports
  ? await zeroReportRequests(server.container, ROWS)
  : Array.from({ length: ROWS }, (_, i) =>
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
