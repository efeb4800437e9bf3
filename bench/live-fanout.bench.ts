/**
 * Live boards: N server-sent-event clients (a separate process) watch the whole county while
 * incidents are reported; the figure is, for every event and every client, the time from the
 * report being sent to the event arriving. One SQLite instance with N clients, then two
 * PostgreSQL instances with N/2 each (the report posted on the first, so half the clients hear it
 * through LISTEN/NOTIFY); with BENCH_REFERENCE_DIR the same one-instance run against that code.
 * Server memory per connection: resident memory with the clients connected, less before, ÷ N.
 * BENCH_SSE_CLIENTS (default 10000) and BENCH_SSE_EVENTS (default 10) set the size.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, dropSchema, freshSchemaName, pgReachable, urlWithSchema } from './engine/pg.js';
import { REFERENCE_DIR, ROOT, rssOf, signIn, startInstance, steadyCommand, type Instance } from './lib/instances.js';
import { load, machine, percentile, writeSection } from './report.js';

const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 10_000);
const EVENTS = Number(process.env.BENCH_SSE_EVENTS ?? 10);
const PASSWORD = 'bench-password-1';

interface Figure {
  label: string;
  clients: number;
  received: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
  kbPerConnection: number;
  load: string;
}

async function fanout(label: string, root: string, env: Record<string, string>, instances: number): Promise<Figure> {
  steadyCommand(root, env, ['demo']);
  const servers: Instance[] = [];
  for (let i = 0; i < instances; i++) servers.push(await startInstance(root, env));
  const clients = fork(join(import.meta.dirname, 'lib', 'sse-clients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      clients.once('message', (answer) => resolve(answer as T));
      clients.send(message);
    });
  try {
    const watcher = await signIn(servers[0]!.url, 'admin', PASSWORD);
    const reporter = await signIn(servers[0]!.url, 'k3.teacher1', PASSWORD);
    const k3 = reporter.me.scopes[0]!.unitId;
    const rssBefore = servers.map((s) => rssOf(s.pid));
    await ask({ cmd: 'open', bases: servers.map((s) => s.url), cookie: watcher.headers.cookie, count: CLIENTS });
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfter = servers.map((s) => rssOf(s.pid));
    const sentAt = new Map<string, number>();
    for (let i = 0; i < EVENTS; i++) {
      const at = performance.timeOrigin + performance.now();
      const res = await fetch(`${servers[0]!.url}/api/v1/incidents`, {
        method: 'POST',
        headers: reporter.headers,
        body: JSON.stringify({ unitId: k3, type: 'injury', severity: 4, place: `看板基准 ${i}`, description: '基准' }),
      });
      if (res.status !== 201) throw new Error(`report: ${res.status} ${await res.text()}`);
      sentAt.set(((await res.json()) as { id: string }).id, at);
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const { arrivals } = await ask<{ arrivals: Record<string, number[]>; dropped: number }>({ cmd: 'report' });
    const latencies = [...sentAt].flatMap(([id, at]) => (arrivals[id] ?? []).map((t) => t - at)).sort((a, b) => a - b);
    const grown = rssAfter.reduce((s, x, i) => s + x - rssBefore[i]!, 0);
    return {
      label,
      clients: CLIENTS,
      received: latencies.length,
      expected: CLIENTS * EVENTS,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      kbPerConnection: grown / CLIENTS / 1024,
      load: load(),
    };
  } finally {
    clients.send({ cmd: 'close' });
    for (const s of servers) await s.stop();
  }
}

async function sqliteRun(label: string, root: string): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'steady-fanout-'));
  try {
    return await fanout(label, root, { STEADY_DATA_DIR: dir, STEADY_DEMO_PASSWORD: PASSWORD }, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRun(label: string, root: string, instances: number): Promise<Figure> {
  const schema = freshSchemaName('bench_fanout');
  await createSchema(schema);
  try {
    return await fanout(
      label,
      root,
      { STEADY_DATABASE_URL: urlWithSchema(schema), STEADY_DEMO_PASSWORD: PASSWORD, STEADY_DATA_DIR: `/tmp/${schema}` },
      instances,
    );
  } finally {
    await dropSchema(schema);
  }
}

export async function run(): Promise<void> {
  const figures: Figure[] = [];
  if (REFERENCE_DIR) figures.push(await sqliteRun(`reference (${REFERENCE_DIR}), SQLite, 1 instance`, REFERENCE_DIR));
  figures.push(await sqliteRun('Steady, SQLite, 1 instance', ROOT));
  if (await pgReachable()) figures.push(await postgresRun(`Steady, PostgreSQL, 2 instances × ${CLIENTS / 2}`, ROOT, 2));
  const f = (n: number) => Math.round(n).toLocaleString('en');
  const row = (x: Figure) =>
    `| ${x.label} | ${f(x.clients)} | ${f(x.received)}/${f(x.expected)} | ${x.p50.toFixed(0)} | ` +
    `${x.p99.toFixed(0)} | ${x.max.toFixed(0)} | ${x.kbPerConnection.toFixed(1)} | ${x.load} |`;
  const markdown =
    `## Live boards: an event to every client

\`bench/live-fanout.bench.ts\` — ${f(CLIENTS)} server-sent-event clients ` +
    `(one separate process, all signed in as the bureau's administrator,
so each must hear every incident; plain sockets that note each chunk's arrival and parse it after the run)
while ${EVENTS} incidents are reported one a second; latency = arrival at a client − the report being sent, ` +
    `over every event × client,
in ms. Memory = the server's ` +
    `resident memory with the clients connected, less before,
÷ clients. Machine: ${machine()}; load average (1 min) after each run in the last column.

| run | clients | arrived | p50 | p99 | max | KB per connection | load |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${figures.map(row).join('\n')}

Aim (issue #15): 10,000 clients on one instance and 2 PostgreSQL ` +
    `instances × 5,000, p99 < 250 ms, every event to every client.
`;
  writeSection('live-fanout', markdown);
  console.log(markdown);
}
