/**
 * `npm test`: every test in one run of Node's test runner — unit and HTTP tests on each database
 * under test, then the browser tests against the production build. Missing Debian packages are
 * installed when we are root, or the run stops with the exact command; nothing is skipped quietly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { TEST_PG_URL } from './helpers/dialects.js';

const args = new Set(process.argv.slice(2));
const serverOnly = args.has('--server-only');
const e2eOnly = args.has('--e2e-only');
const root = join(import.meta.dirname, '..');

function findFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? findFiles(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, argv, { stdio: 'inherit', cwd: root, env });
  return result.status ?? 1;
}

/** Debian's chromium for playwright-core; installed here when missing and we may. */
function ensureChromium(): void {
  if (existsSync('/usr/bin/chromium')) return;
  const install = 'apt-get update && apt-get install -y chromium';
  if (process.getuid?.() !== 0) {
    console.error(`Browser tests need Debian's Chromium at /usr/bin/chromium. Install it with:\n  sudo sh -c '${install}'`);
    process.exit(1);
  }
  console.log(`Installing Debian's Chromium for the browser tests: ${install}`);
  if (run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${install}`]) !== 0 || !existsSync('/usr/bin/chromium')) {
    console.error(`Could not install Chromium. Run:\n  ${install}`);
    process.exit(1);
  }
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const dialects = ['sqlite'];
  if (!e2eOnly) {
    if (await postgresAnswers()) dialects.push('postgres');
    else if (process.env.STEADY_REQUIRE_POSTGRES === '1') {
      console.error(`PostgreSQL does not answer at ${TEST_PG_URL}, and STEADY_REQUIRE_POSTGRES=1 requires it.`);
      process.exit(1);
    }
  }
  const files = [
    ...(e2eOnly ? [] : [...findFiles(join(root, 'src'), /\.test\.tsx?$/), ...findFiles(join(root, 'test'), /\.test\.ts$/)]),
    ...(serverOnly ? [] : findFiles(join(root, 'e2e'), /\.spec\.ts$/)),
  ];
  if (!serverOnly) {
    ensureChromium();
    console.log('Building the production app for the browser tests (npm run build)…');
    if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
  }
  console.log(`Databases under test: ${dialects.join(', ')}; ${files.length} test files.`);
  const status = run(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files.map((f) => relative(root, f))],
    { ...process.env, STEADY_TEST_DIALECTS: dialects.join(','), TZ: process.env.TZ ?? 'UTC' },
  );
  if (!dialects.includes('postgres') && !e2eOnly) {
    console.log(`\n*** PostgreSQL was NOT tested: nothing answered at ${TEST_PG_URL}. Only SQLite was tested. ***`);
  }
  process.exit(status);
}

await main();
