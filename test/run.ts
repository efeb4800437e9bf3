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

/** Debian packages the tests use, each known by a file it installs. */
const DEBIAN_NEEDS: { pkg: string; file: string; for: string }[] = [
  { pkg: 'chromium', file: '/usr/bin/chromium', for: 'browser tests' },
  { pkg: 'libreoffice-writer', file: '/usr/bin/soffice', for: 'opening exported .docx files' },
  { pkg: 'poppler-utils', file: '/usr/bin/pdftotext', for: 'reading the PDFs LibreOffice makes' },
  { pkg: 'libxml2-utils', file: '/usr/bin/xmllint', for: 'validating CAP alerts against the OASIS schema' },
  {
    pkg: 'faketime',
    file: `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/faketime/libfaketime.so.1`,
    for: 'starting a server at a chosen hour (e2e/any-hour.spec.ts)',
  },
  {
    pkg: 'fonts-noto-cjk',
    file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    for: 'Chinese text in documents and screenshots',
  },
];

/** Installs what is missing when we are root; otherwise stops with the exact command. Never skips. */
function ensureDebianPackages(): void {
  const missing = DEBIAN_NEEDS.filter((need) => !existsSync(need.file));
  if (missing.length === 0) return;
  const install = `apt-get update && apt-get install -y --no-install-recommends ${missing.map((m) => m.pkg).join(' ')}`;
  const why = missing.map((m) => `${m.pkg} (${m.for})`).join(', ');
  if (process.getuid?.() !== 0) {
    console.error(
      `The tests need Debian packages that are missing: ${why}. Install them with:\n  sudo sh -c '${install}'`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian packages the tests need: ${why}`);
  const ok =
    run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${install}`]) === 0 && missing.every((m) => existsSync(m.file));
  if (!ok) {
    console.error(`Could not install them. Run:\n  ${install}`);
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
  const serverFiles = e2eOnly
    ? []
    : [...findFiles(join(root, 'src'), /\.test\.tsx?$/), ...findFiles(join(root, 'test'), /\.test\.ts$/)];
  const browserFiles = serverOnly ? [] : findFiles(join(root, 'e2e'), /\.spec\.ts$/);
  ensureDebianPackages();
  if (!serverOnly) {
    console.log('Building the production app for the browser tests (npm run build)…');
    if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
  }
  console.log(
    `Databases under test: ${dialects.join(', ')}; ${serverFiles.length} ` +
      `server and ${browserFiles.length} browser test files.`,
  );
  // Two phases: the browser tests wait on real screens, and sharing two cores with the crash and
  // CLI tests (which start servers of their own) made their waits flaky.
  const phase = (files: string[]) =>
    files.length === 0
      ? 0
      : run(
          process.execPath,
          [
            '--import',
            'tsx',
            '--test',
            '--test-concurrency=2',
            '--test-reporter=spec',
            ...files.map((f) => relative(root, f)),
          ],
          { ...process.env, STEADY_TEST_DIALECTS: dialects.join(','), TZ: process.env.TZ ?? 'UTC' },
        );
  const serverStatus = phase(serverFiles);
  const browserStatus = phase(browserFiles);
  const status = serverStatus || browserStatus;
  if (serverStatus && browserFiles.length)
    console.log('\n*** Server tests failed (see above); the browser tests ran after them. ***');
  if (!dialects.includes('postgres') && !e2eOnly) {
    console.log(`\n*** PostgreSQL was NOT tested: nothing answered at ${TEST_PG_URL}. Only SQLite was tested. ***`);
  }
  process.exit(status);
}

await main();
