/**
 * `POST /api/v1/incidents` on PostgreSQL from 20 concurrent clients (a separate process), against
 * one Steady instance and then two on the same database, in one run; each incident starts its
 * chain (deadlines, notifications, deliveries, audit entries). With BENCH_REFERENCE_DIR (a checkout
 * of the code to compare with) the same load runs against it too. After each run every instance
 * stops and `steady audit verify` must pass. BENCH_INCIDENTS sets the count per run (default 3000).
 */
import pg from 'pg';
import { BENCH_PG_URL, createSchema, dropSchema, freshSchemaName, pgReachable, urlWithSchema } from './engine/pg.js';
import { REFERENCE_DIR, ROOT, signIn, startInstance, steadyCommand, type Instance } from './lib/instances.js';
import { cpuSnapshot, cpuUsed, type CpuUse } from './lib/cpu.js';
import { runLoad } from './lib/load.js';
import { load, machine, percentile, writeSection } from './report.js';

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 3000);
const CLIENTS = 20;
const PASSWORD = 'bench-password-1';
const TYPES = ['fire', 'injury', 'food_safety', 'traffic', 'facility_hazard', 'other'];

interface Figure {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  load: string;
  verified: string;
  cpu: CpuUse;
}

async function unitsToReportIn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("select id from units where type in ('school', 'kindergarten') order by id");
    return rows.map((r: { id: string }) => r.id);
  } finally {
    await client.end();
  }
}

async function measure(label: string, root: string, instances: number): Promise<Figure> {
  const schema = freshSchemaName('bench_writes');
  await createSchema(schema);
  const url = urlWithSchema(schema);
  const env = { STEADY_DATABASE_URL: url, STEADY_DEMO_PASSWORD: PASSWORD, STEADY_DATA_DIR: `/tmp/${schema}` };
  try {
    steadyCommand(root, env, ['demo']);
    const servers: Instance[] = [];
    for (let i = 0; i < instances; i++) servers.push(await startInstance(root, env));
    const units = await unitsToReportIn(url);
    const sessions = await Promise.all(servers.map((s) => signIn(s.url, 'admin', PASSWORD)));
    const requests = Array.from({ length: INCIDENTS }, (_, i) => ({
      method: 'POST',
      path: '/api/v1/incidents',
      headers: sessions[i % servers.length]!.headers,
      body: JSON.stringify({
        unitId: units[i % units.length],
        type: TYPES[i % TYPES.length],
        severity: 4,
        place: `基准地点 ${i}`,
        description: `基准事件 ${i}`,
      }),
    }));
    const pids = servers.map((s) => s.pid);
    const cpuBefore = cpuSnapshot(pids);
    const result = await runLoad({
      base: servers[0]!.url,
      bases: servers.map((s) => s.url),
      concurrency: CLIENTS,
      requests,
      maxMs: 300_000,
    });
    const cpu = cpuUsed(cpuBefore, cpuSnapshot(pids));
    const loadNow = load();
    for (const s of servers) await s.stop();
    const verify = steadyCommand(root, env, ['audit', 'verify']);
    if (result.ok !== INCIDENTS) console.error(`${label}: ${result.ok}/${INCIDENTS}; ${result.firstErrors.join('; ')}`);
    return {
      label,
      perSecond: result.ok / (result.elapsedMs / 1000),
      p50: percentile(result.latencies, 50),
      p99: percentile(result.latencies, 99),
      ok: result.ok,
      load: loadNow,
      cpu,
      verified: /intact/.test(verify) ? 'passes' : verify.trim().split('\n')[0]!,
    };
  } finally {
    await dropSchema(schema);
  }
}

const pct = (share: number) => `${Math.round(share * 100)} %`;
const ms = (n: number) => n.toFixed(2);
const cpuColumns = (x: Figure) =>
  `${pct(x.cpu.machineBusy)} | ${ms(x.cpu.watchedMs / x.ok)} | ${ms(x.cpu.postgresMs / x.ok)}`;

export async function run(): Promise<void> {
  const version = await pgReachable();
  if (!version) {
    console.log(`writes-pg: PostgreSQL at ${BENCH_PG_URL} does not answer; skipped`);
    return;
  }
  const figures: Figure[] = [];
  if (REFERENCE_DIR) figures.push(await measure(`reference (${REFERENCE_DIR}), 1 instance`, REFERENCE_DIR, 1));
  const one = await measure('Steady, 1 instance', ROOT, 1);
  const two = await measure('Steady, 2 instances', ROOT, 2);
  figures.push(one, two);
  const f = (n: number) => Math.round(n).toLocaleString('en');
  const cores = cpuSnapshot([]).cores;
  const reference = REFERENCE_DIR ? figures[0]! : undefined;
  const rows = figures.map(
    (x) =>
      `| ${x.label} | ${f(x.perSecond)} | ${x.p50.toFixed(0)} | ` +
      `${x.p99.toFixed(0)} | ${x.ok}/${INCIDENTS} | ${x.verified} | ${x.load} | ${cpuColumns(x)} |`,
  );
  const comparison = reference
    ? `- Steady ÷ reference, 1 instance: **${(one.perSecond / reference.perSecond).toFixed(2)}**; ` +
      `p99 ${one.p99.toFixed(0)} ms against ${reference.p99.toFixed(0)} ms (aim ≥ 4×, p99 < 250 ms).`
    : '- No reference run (set BENCH_REFERENCE_DIR to a checkout of the code to compare with).';
  const markdown =
    `## Incidents on PostgreSQL: one instance, two instances

\`bench/writes-pg.bench.ts\` — ${INCIDENTS} incidents reported through ` +
    `\`POST /api/v1/incidents\` by ${CLIENTS} concurrent clients in a
separate process (round-robin over the instances), each starting ` +
    `its reporting chain, on a fresh schema with the sample
county; \`steady audit verify\` after each run. ${version.split(',')[0]}. ` +
    `Machine: ${machine()}; load average (1 min) at the end
of each run in the last column.

| run | incidents/s | p50 ms | p99 ms | stored | audit verify | load | machine busy | Steady CPU ms / incident \
| PostgreSQL CPU ms / incident |
| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}

- 2 instances ÷ 1 instance: **${(two.perSecond / one.perSecond).toFixed(2)}** (aim ≥ 1.6). ` +
    `"Machine busy" is the share of all ${cores} cores in use
  during the run (from /proc/stat): the load generator, PostgreSQL and the instances share them, so when one instance
  already leaves the machine ${pct(one.cpu.machineBusy)} busy, a second instance has no idle core to add
  throughput with.
  The CPU per incident (the instances' own, and every PostgreSQL process's, from /proc) is what a report costs
  wherever it runs: ${ms(one.cpu.watchedMs / one.ok)} ms of Steady and ${ms(one.cpu.postgresMs / one.ok)} ms of ` +
    `PostgreSQL with one instance.
${comparison}
`;
  writeSection('writes-pg', markdown);
  console.log(markdown);
}
