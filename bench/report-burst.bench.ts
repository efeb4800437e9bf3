/**
 * The 15:00 burst: a county's daily zero reports arriving within a minute on PostgreSQL, from 50
 * clients (a separate process), while the bureau's supervisor keeps reading today's status of the
 * whole subtree. The county is generated straight into the tables: a town under the sample bureau,
 * N schools under it, each with its own standing plan (a sample school's: a daily report by 15:00;
 * a standing plan rules its own unit only) and a safety officer signed in (a session row). The
 * burst starts once the planner has decided every school's day, as by 15:00 it has. After the
 * burst every report must be stored once and `steady audit verify` must pass.
 * BENCH_BURST_REPORTS (default 20000) and BENCH_BURST_SECONDS (default 60) set the size.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { newId } from '../src/server/lib/ids.js';
import { createSchema, dropSchema, freshSchemaName, pgReachable, urlWithSchema } from './engine/pg.js';
import { cpuSnapshot, cpuUsed } from './lib/cpu.js';
import { ROOT, signIn, startInstance, steadyCommand } from './lib/instances.js';
import { runLoad, type PreparedRequest } from './lib/load.js';
import { load, machine, percentile, writeSection } from './report.js';

const REPORTS = Number(process.env.BENCH_BURST_REPORTS ?? 20_000);
const SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 60);
const CLIENTS = 50;
const PASSWORD = 'bench-password-1';

async function insertMany(client: pg.Client, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const values = batch
      .map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
      .join(', ');
    await client.query(`insert into ${table} (${columns.join(', ')}) values ${values}`, batch.flat());
  }
}

/** The town, N schools with their plans and a signed-in safety officer each; returns the town and the requests. */
async function generate(url: string): Promise<{ townId: string; requests: PreparedRequest[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const now = new Date().toISOString();
    const expires = new Date(Date.now() + 6 * 3600_000).toISOString();
    const {
      rows: [root],
    } = await client.query('select id, path, depth from units where parent_id is null limit 1');
    const {
      rows: [plan],
    } =
      await client.query(`select v.content_json, v.title, v.locale from plan_versions v join plans p on p.id = v.plan_id
      join units u on u.id = p.unit_id where v.status = 'published' and u.type = 'school' limit 1`);
    const townId = newId();
    const townPath = `${root.path}${townId}/`;
    await insertMany(
      client,
      'units',
      ['id', 'parent_id', 'name', 'type', 'time_zone', 'locale', 'path', 'depth', 'created_at', 'updated_at'],
      [[townId, root.id, '基准镇', 'other', 'Asia/Shanghai', 'zh-CN', townPath, root.depth + 1, now, now]],
    );
    const units: unknown[][] = [];
    const plans: unknown[][] = [];
    const planVersions: unknown[][] = [];
    const people: unknown[][] = [];
    const memberships: unknown[][] = [];
    const accounts: unknown[][] = [];
    const sessions: unknown[][] = [];
    const requests: PreparedRequest[] = [];
    for (let i = 0; i < REPORTS; i++) {
      const unitId = newId();
      const personId = newId();
      const accountId = newId();
      const secret = randomBytes(24).toString('base64url');
      const csrf = randomBytes(16).toString('hex');
      units.push([
        unitId,
        townId,
        `基准学校 ${i}`,
        'school',
        'Asia/Shanghai',
        'zh-CN',
        `${townPath}${unitId}/`,
        root.depth + 2,
        now,
        now,
      ]);
      // A standing plan rules its own unit only: each school has one (a sample school's).
      const planId = newId();
      plans.push([planId, unitId, 'standing', 'school', now, now]);
      planVersions.push([
        newId(),
        planId,
        1,
        'published',
        plan.title,
        plan.locale,
        0,
        plan.content_json,
        now,
        now,
        now,
      ]);
      people.push([personId, unitId, `安全员 ${i}`, now, now]);
      memberships.push([newId(), personId, unitId, 'safety_officer', now]);
      accounts.push([accountId, personId, `burst.${i}`, 'not-a-password-hash', 0, now, now]);
      sessions.push([createHash('sha256').update(secret).digest('hex'), accountId, csrf, now, expires, now]);
      requests.push({
        method: 'POST',
        path: '/api/v1/daily-reports/zero',
        body: JSON.stringify({ unitId }),
        headers: { cookie: `steady_session=${secret}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      });
    }
    await insertMany(
      client,
      'units',
      ['id', 'parent_id', 'name', 'type', 'time_zone', 'locale', 'path', 'depth', 'created_at', 'updated_at'],
      units,
    );
    await insertMany(client, 'plans', ['id', 'unit_id', 'kind', 'template', 'created_at', 'updated_at'], plans);
    await insertMany(
      client,
      'plan_versions',
      [
        'id',
        'plan_id',
        'version',
        'status',
        'title',
        'locale',
        'covers_sub_units',
        'content_json',
        'created_at',
        'updated_at',
        'published_at',
      ],
      planVersions,
    );
    await insertMany(client, 'people', ['id', 'home_unit_id', 'name', 'created_at', 'updated_at'], people);
    await insertMany(client, 'memberships', ['id', 'person_id', 'unit_id', 'role', 'created_at'], memberships);
    await insertMany(
      client,
      'accounts',
      ['id', 'person_id', 'username', 'password_hash', 'must_change_password', 'created_at', 'updated_at'],
      accounts,
    );
    await insertMany(
      client,
      'sessions',
      ['id', 'account_id', 'csrf_token', 'created_at', 'expires_at', 'last_seen_at'],
      sessions,
    );
    // What autovacuum does within a minute of a bulk load (it is off on the bench machine): without
    // statistics, PostgreSQL took 'published' plan versions to be a few dozen and hashed all 20,000 on
    // every rules read (8–11 ms each, most of PostgreSQL's CPU per report).
    await client.query('analyze');
    return { townId, requests };
  } finally {
    await client.end();
  }
}

/** Waits until the planner (started with the instance) has decided today for every school, as by 15:00 it has. */
async function planned(url: string, townId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const stopAt = Date.now() + 15 * 60_000;
    for (;;) {
      const { rows } = await client.query(
        `select count(*)::int as n from daily_report_months m join units u on u.id = m.unit_id where u.parent_id = $1`,
        [townId],
      );
      if (rows[0].n >= REPORTS) return;
      if (Date.now() > stopAt) throw new Error(`report-burst: only ${rows[0].n}/${REPORTS} schools planned`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await client.end();
  }
}

async function storedReports(url: string, townId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as n from daily_reports r join units u on u.id = r.unit_id where u.parent_id = $1`,
      [townId],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

export async function run(): Promise<void> {
  const version = await pgReachable();
  if (!version) return console.log('report-burst: PostgreSQL does not answer; skipped');
  const schema = freshSchemaName('bench_burst');
  await createSchema(schema);
  const url = urlWithSchema(schema);
  const env = { STEADY_DATABASE_URL: url, STEADY_DEMO_PASSWORD: PASSWORD, STEADY_DATA_DIR: `/tmp/${schema}` };
  try {
    steadyCommand(ROOT, env, ['demo', '--sample-plans']);
    const { townId, requests } = await generate(url);
    const server = await startInstance(ROOT, env);
    try {
      await planned(url, townId);
      const supervisor = await signIn(server.url, 'admin', PASSWORD);
      const statusOf = async () => {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/v1/daily-reports/status?unitId=${townId}`, {
          headers: supervisor.headers,
        });
        if (res.status !== 200) throw new Error(`status: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        return performance.now() - t0;
      };
      const quiet: number[] = [];
      for (let i = 0; i < 10; i++) quiet.push(await statusOf());
      const during: number[] = [];
      let bursting = true;
      const sampler = (async () => {
        while (bursting) {
          during.push(await statusOf());
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
      const cpuBefore = cpuSnapshot([server.pid]);
      const result = await runLoad({
        base: server.url,
        concurrency: CLIENTS,
        requests,
        ratePerSecond: REPORTS / SECONDS,
        maxMs: SECONDS * 3000,
      });
      bursting = false;
      await sampler;
      // The server's CPU over the burst (the status reads' included), per report sent.
      const cpu = cpuUsed(cpuBefore, cpuSnapshot([server.pid]));
      const cpuPerReport = (cpu.watchedMs * 1000) / Math.max(result.ok, 1);
      const pgPerReport = (cpu.postgresMs * 1000) / Math.max(result.ok, 1);
      const loadNow = load();
      await server.stop();
      const stored = await storedReports(url, townId);
      const verify = steadyCommand(ROOT, env, ['audit', 'verify']);
      quiet.sort((a, b) => a - b);
      during.sort((a, b) => a - b);
      const f = (n: number) => Math.round(n).toLocaleString('en');
      const markdown =
        `## The 15:00 burst: a county's zero reports within a minute

\`bench/report-burst.bench.ts\` — ${f(REPORTS)} schools under one town ` +
        `(generated into the tables and analyzed, each with its own standing plan,
a sample school's: a daily report by 15:00), each with its safety ` +
        `officer signed in; their zero reports are sent at an even
${f(REPORTS / SECONDS)} a second for ${SECONDS} s by ${CLIENTS} clients ` +
        `in a separate process, on one instance on PostgreSQL, once the planner has
decided every school's day, while the bureau's administrator reads today's status of the town every 250 ms. ` +
        `${version.split(',')[0]}. Machine: ${machine()};
load average (1 min) at the end: ${loadNow}.

| measure | figure | aim |
| --- | ---: | --- |
| reports stored | ${f(stored)} / ${f(REPORTS)} (answered 2xx: ` +
        `${f(result.ok)}; ${JSON.stringify(result.statuses)}) | all |
| time to send them all | ${(result.elapsedMs / 1000).toFixed(1)} s | ${SECONDS} s |
| report latency p50 / p99 | ${percentile(result.latencies, 50).toFixed(0)} / ` +
        `${percentile(result.latencies, 99).toFixed(0)} ms | p99 < 500 ms |
| CPU per report (the status reads included): Steady / PostgreSQL | ${f(cpuPerReport)} / ${f(pgPerReport)} µs | |
| the machine's cores busy during the burst | ${Math.round(cpu.machineBusy * 100)} % | |
| today's status during the burst p50 / p95 (${during.length} reads) ` +
        `| ${percentile(during, 50).toFixed(0)} / ${percentile(during, 95).toFixed(0)} ms | p95 < 100 ms |
| today's status before it, p50 / p95 (the reference) ` +
        `| ${percentile(quiet, 50).toFixed(0)} / ${percentile(quiet, 95).toFixed(0)} ms | |
| \`steady audit verify\` afterwards | ${/intact/.test(verify) ? 'passes' : verify.split('\n')[0]} | passes |
`;
      writeSection('report-burst', markdown);
      console.log(markdown);
    } finally {
      await server.stop();
    }
  } finally {
    await dropSchema(schema);
  }
}
