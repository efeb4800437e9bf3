/**
 * A bounded HTTP load generator that runs in its own process, so the server's event loop is not
 * also the client's: `runLoad` writes the prepared requests to a file, starts this file as a child
 * (`node --import tsx bench/lib/load.ts FILE`), which sends them from `concurrency` keep-alive
 * connections to 127.0.0.1 only, stops at `total` requests or `maxMs`, and prints one JSON result.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PreparedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadPlan {
  /** http://127.0.0.1:PORT — anything else is refused. */
  base: string;
  concurrency: number;
  /** Sent in order, each once; several bases spread the requests over instances round-robin. */
  requests: PreparedRequest[];
  bases?: string[];
  /** Requests per second in total, evenly paced; none: as fast as answers come. */
  ratePerSecond?: number;
  maxMs: number;
}

export interface LoadResult {
  sent: number;
  ok: number;
  statuses: Record<string, number>;
  /** Latencies of the answered requests in ms, sorted. */
  latencies: number[];
  elapsedMs: number;
  /** The first few answers that were not 2xx, for the report. */
  firstErrors: string[];
}

/** Runs the plan in a child process and returns what it measured. */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  for (const base of plan.bases ?? [plan.base]) {
    if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(base))
      throw new Error(`load generator: only 127.0.0.1, not ${base}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'steady-load-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`load generator exited with ${code}`);
    return JSON.parse(out) as LoadResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(file: string): Promise<void> {
  const plan = JSON.parse(readFileSync(file, 'utf8')) as LoadPlan;
  const bases = (plan.bases ?? [plan.base]).map((b) => new URL(b));
  const agents = bases.map(() => new Agent({ keepAlive: true, maxSockets: plan.concurrency }));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const firstErrors: string[] = [];
  const started = performance.now();
  const stopAt = started + plan.maxMs;
  const gap = plan.ratePerSecond ? 1000 / plan.ratePerSecond : 0;
  let next = 0;
  let ok = 0;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const r = plan.requests[i]!;
      const target = bases[i % bases.length]!;
      const sentAt = performance.now();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          method: r.method,
          path: r.path,
          headers: r.headers,
          agent: agents[i % bases.length],
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => {
            latencies.push(performance.now() - sentAt);
            const status = String(res.statusCode);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (res.statusCode! < 300) ok += 1;
            else if (firstErrors.length < 5) firstErrors.push(`${status} ${body.slice(0, 300)}`);
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        statuses.error = (statuses.error ?? 0) + 1;
        if (firstErrors.length < 5) firstErrors.push(String(error));
        resolve();
      });
      req.end(r.body);
    });
  await Promise.all(
    Array.from({ length: plan.concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= plan.requests.length || performance.now() > stopAt) return;
        if (gap) {
          const due = started + i * gap;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        await one(i);
      }
    }),
  );
  agents.forEach((a) => a.destroy());
  const result: LoadResult = {
    sent: Math.min(next, plan.requests.length),
    ok,
    statuses,
    latencies: latencies.sort((a, b) => a - b),
    elapsedMs: performance.now() - started,
    firstErrors,
  };
  process.stdout.write(JSON.stringify(result));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv[2]!);
