import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { faketimeEnv } from './faketime.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'server', 'cli', 'steady.js');
const WEB = join(ROOT, 'dist', 'web', 'index.html');

/** The password of every sample account in the browser tests. */
export const DEMO_PASSWORD = 'e2e-demo-pass-2026';

export interface RunningServer {
  url: string;
  /** The moment the server's clock was started at, when it was started with one. */
  clockAt?: Date;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Steady server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The Steady server did not answer ${url}/healthz within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts the built server with the sample organisation (or, with `demo: false`, an empty database
 * that asks for first-run setup) on a free port and a fresh data directory.
 * Needs `npm run build` first; says so plainly when the build is missing. With `clockAt`, the
 * server's system clock starts at that moment (libfaketime) and runs on from there. `cwd` is the
 * folder the process starts in (the package folder unless given).
 */
export async function startDemoServer({
  timeoutMs = 60_000,
  demo = true,
  clockAt,
  env = {},
  cwd = ROOT,
}: {
  timeoutMs?: number;
  demo?: boolean;
  clockAt?: Date;
  env?: Record<string, string>;
  cwd?: string;
} = {}): Promise<RunningServer> {
  for (const [file, what] of [
    [CLI, 'server'],
    [WEB, 'web front end'],
  ] as const) {
    if (!existsSync(file))
      throw new Error(`The built ${what} is missing (${file}). Run \`npm run build\` before the browser tests.`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'steady-e2e-'));
  let log = '';
  const child = spawn(process.execPath, demo ? [CLI, 'demo', '--serve'] : [CLI, 'serve'], {
    // The package folder, unless a test starts it elsewhere (it must find its own files from anywhere).
    cwd,
    // Links in messages point at this server, as STEADY_PUBLIC_URL would in production.
    env: {
      ...process.env,
      ...(clockAt ? faketimeEnv(clockAt) : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      STEADY_DATA_DIR: dataDir,
      STEADY_DEMO_PASSWORD: DEMO_PASSWORD,
      NODE_ENV: 'production',
      STEADY_PUBLIC_URL: `http://localhost:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://localhost:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => log, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, ...(clockAt ? { clockAt } : {}) };
}
