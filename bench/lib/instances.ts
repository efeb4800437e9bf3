/**
 * Steady server processes for benchmarks, started from a source tree (this one, or a reference
 * checkout named by BENCH_REFERENCE_DIR, e.g. `git archive main | tar -x -C /tmp/steady-main`
 * with node_modules linked), each listening on 127.0.0.1 on a port of its own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** A checkout of the code to compare with (the same benchmark, run against it in the same run). */
export const REFERENCE_DIR = process.env.BENCH_REFERENCE_DIR || undefined;

export interface Instance {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

const cli = (root: string) => join(root, 'src/server/cli/steady.ts');
const baseEnv = { STEADY_WEB_DIR: '/nonexistent', STEADY_LANG: 'en', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };

/** Runs a `steady` command of that tree to the end (migrate, demo, …). */
export function steadyCommand(root: string, env: Record<string, string>, args: string[]): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli(root), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...baseEnv, ...env },
  });
  if (run.status !== 0) throw new Error(`steady ${args.join(' ')} (${root}): ${run.stdout}${run.stderr}`);
  return run.stdout;
}

export async function startInstance(root: string, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli(root), 'serve'], {
    cwd: root,
    env: { ...process.env, ...baseEnv, PORT: '0', ...env },
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of a process in bytes (Linux). */
export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

/** Signs in over HTTP; returns the headers a write needs. */
export async function signIn(
  url: string,
  username: string,
  password: string,
): Promise<{
  headers: Record<string, string>;
  me: { personId: string; scopes: { unitId: string; unitName: string }[] };
}> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await res.json()) as {
    csrfToken: string;
    personId: string;
    scopes: { unitId: string; unitName: string }[];
  };
  return { headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }, me };
}
