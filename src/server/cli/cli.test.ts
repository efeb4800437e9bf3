import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { openTestDatabase, TEST_PG_URL, type TestDatabase } from '../../../test/helpers/dialects.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createContainer } from '../container.js';
import { sampleAccounts } from '../demo/sample-organisation.js';
import { OVERDUE_DEADLINE, PLAN_NIGHT_DEADLINE, PROMPT_DEADLINE } from '../modules/patrols/patrol-planner.js';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'src/server/cli/steady.ts');

function steady(env: Record<string, string>, args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, STEADY_LANG: 'en', LOG_LEVEL: 'warn', ...env },
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** The environment without STEADY_DEMO_PASSWORD, whatever the caller's shell has. */
function envWithoutDemoPassword(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, STEADY_LANG: 'en', LOG_LEVEL: 'warn', ...extra };
  delete env.STEADY_DEMO_PASSWORD;
  return env;
}

/** Starts a long-running steady command and waits until its output matches `ready`. */
function startSteady(
  env: NodeJS.ProcessEnv,
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; out: string; match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, env });
  return new Promise((resolve, reject) => {
    let out = '';
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) resolve({ child, out, match });
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`steady ${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

async function stopSteady(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

const loginOver = (url: string, username: string, password: string) =>
  fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

for (const dialect of dialectsUnderTest()) {
  describe(`the steady command (${dialect})`, () => {
    let dir: string;
    let database: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'steady-cli-'));
      database = await openTestDatabase(dialect, join(dir, 'steady.db'));
      env = { STEADY_DATA_DIR: dir, STEADY_DATABASE_URL: database.url, STEADY_DEMO_PASSWORD: 'cli-demo-pass' };
    });
    after(async () => {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('migrate, then demo loads the sample organisation once and says the password', () => {
      assert.match(steady(env, ['migrate']).out, /Applied migrations: 20261129_0800_foundation/);
      const loaded = steady(env, ['demo']).out;
      assert.match(loaded, /Loaded the sample organisation: 16 units, 61 people/);
      assert.match(
        loaded,
        /Password of the sample accounts \(admin, s1\.safety, k1\.head, so\.head, …\): cli-demo-pass\n/,
      );
      assert.match(steady(env, ['demo']).out, /already has units; keeping them/);
    });

    it('demo --sample-plans also publishes a standing plan for each school, kindergarten and community', async () => {
      const other = await openTestDatabase(dialect, join(dir, 'with-plans.db'));
      try {
        const out = steady({ ...env, STEADY_DATABASE_URL: other.url }, ['demo', '--sample-plans']).out;
        assert.match(out, /Loaded the sample organisation: 16 units, 61 people/);
        assert.match(out, /Published 12 sample plans/);
        const { db } = other.opened;
        const published = await db
          .selectFrom('plan_versions')
          .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
          .innerJoin('units', 'units.id', 'plans.unit_id')
          .select(['units.type', 'plan_versions.content_json'])
          .where('plan_versions.status', '=', 'published')
          .execute();
        assert.deepEqual(published.map((p) => p.type).sort(), [
          ...Array(3).fill('community'),
          ...Array(3).fill('kindergarten'),
          ...Array(6).fill('school'),
        ]);
        for (const p of published)
          assert.equal(JSON.parse(p.content_json).dailyReport.required, p.type !== 'community', p.type);
        const checkpoints = await db
          .selectFrom('patrol_checkpoints')
          .innerJoin('units', 'units.id', 'patrol_checkpoints.unit_id')
          .select('units.type')
          .execute();
        assert.equal(checkpoints.length, 9 * 3, 'three patrol checkpoints at each school and kindergarten');
        assert.ok(checkpoints.every((c) => c.type === 'school' || c.type === 'kindergarten'));
        const nightsPlanned = await db
          .selectFrom('deadlines')
          .select('unit_id')
          .where('kind', 'in', [PLAN_NIGHT_DEADLINE, PROMPT_DEADLINE, OVERDUE_DEADLINE])
          .where('state', '=', 'pending')
          .execute();
        assert.ok(
          new Set(nightsPlanned.map((d) => d.unit_id)).size >= 9,
          'tonight’s patrols are planned at every one of them',
        );
      } finally {
        await other.drop();
      }
    });

    /** The app on the same database the CLI writes to, to sign in through its login. */
    let app: FastifyInstance | undefined;
    const login = async (username: string, password: string) => {
      if (!app) {
        const c = createContainer(loadConfig({ STEADY_DATA_DIR: dir, STEADY_WEB_DIR: '/nonexistent' }), {
          database: database.opened,
        });
        app = await buildApp(c, { logger: false });
        await app.ready();
      }
      return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    };
    after(() => app?.close());

    it('the sample accounts sign in with STEADY_DEMO_PASSWORD', async () => {
      const res = await login('admin', 'cli-demo-pass');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().username, 'admin');
      assert.equal((await login('s1.safety', 'cli-demo-pass')).statusCode, 200);
    });

    it('a user added on the command line signs in with the printed password, and a reset replaces it', async () => {
      const added = steady(env, [
        'user',
        'add',
        'night.guard',
        '--name',
        '夜班门卫',
        '--unit',
        '城关镇第一小学',
        '--role',
        'gatekeeper',
      ]);
      assert.equal(added.code, 0, added.out);
      const printed = /Initial password: (\S+) \(must be changed/.exec(added.out)?.[1] ?? assert.fail(added.out);
      const first = await login('night.guard', printed);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().mustChangePassword, true, 'a password Steady chose must be changed at first sign-in');
      assert.deepEqual(
        first.json().scopes.map((s: { unitName: string; roles: string[] }) => [s.unitName, s.roles]),
        [['城关镇第一小学', ['gatekeeper']]],
      );

      const chosen = steady(
        env,
        [
          'user',
          'add',
          'day.guard',
          '--name',
          '白班门卫',
          '--unit',
          '城关镇第一小学',
          '--role',
          'gatekeeper',
          '--password-stdin',
        ],
        'day-guard-pass-1\n',
      );
      assert.equal(chosen.code, 0, chosen.out);
      assert.doesNotMatch(chosen.out, /Initial password/, 'a password read from stdin is not printed');
      assert.equal((await login('day.guard', 'day-guard-pass-1')).statusCode, 200);

      const reset = steady(env, ['user', 'reset-password', 'night.guard', '--password-stdin'], 'night-guard-new-1\n');
      assert.equal(reset.code, 0, reset.out);
      assert.equal((await login('night.guard', printed)).statusCode, 401, 'the old password no longer signs in');
      const after = await login('night.guard', 'night-guard-new-1');
      assert.equal(after.statusCode, 200, after.body);
      assert.equal(after.json().mustChangePassword, false, 'a password the operator chose stands');

      const generated = steady(env, ['user', 'reset-password', 'night.guard']);
      assert.equal(generated.code, 0, generated.out);
      const newPrinted = /New password: (\S+) \(must be changed/.exec(generated.out)?.[1] ?? assert.fail(generated.out);
      assert.equal((await login('night.guard', 'night-guard-new-1')).statusCode, 401);
      const third = await login('night.guard', newPrinted);
      assert.equal(third.statusCode, 200, third.body);
      assert.equal(third.json().mustChangePassword, true);
    });

    it('user add and user reset-password', () => {
      const added = steady(env, [
        'user',
        'add',
        'ops.admin',
        '--name',
        '运维',
        '--unit',
        '青山县教育局',
        '--role',
        'admin',
        'supervisor',
      ]);
      assert.equal(added.code, 0, added.out);
      assert.match(added.out, /Created account ops\.admin\. Initial password: \S{12}/);
      const dup = steady(env, ['user', 'add', 'ops.admin', '--name', '运维', '--unit', '青山县教育局']);
      assert.notEqual(dup.code, 0);
      const noUnit = steady(env, ['user', 'add', 'x.y', '--name', '某人', '--unit', '不存在的单位']);
      assert.match(noUnit.out, /No unit matches: 不存在的单位/);
      const reset = steady(env, ['user', 'reset-password', 'ops.admin', '--password-stdin'], 'a-chosen-password\n');
      assert.equal(reset.code, 0, reset.out);
      assert.match(reset.out, /Reset the password of ops\.admin\.$/m);
      assert.match(steady(env, ['user', 'reset-password', 'nobody']).out, /No account has the username nobody/);
    });

    it('audit verify passes, then names the first tampered entry', async () => {
      const ok = steady(env, ['audit', 'verify']);
      assert.equal(ok.code, 0, ok.out);
      assert.match(ok.out, /The audit chain is intact: \d+ entries checked/);
      const { db } = database.opened;
      const { sql } = await import('kysely');
      if (dialect === 'postgres') await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
      else await sql`DROP TRIGGER audit_log_no_update`.execute(db);
      await sql`UPDATE audit_log SET actor_label = 'someone-else' WHERE seq = 17`.execute(db);
      const bad = steady(env, ['audit', 'verify']);
      assert.equal(bad.code, 1);
      assert.match(
        bad.out,
        new RegExp(
          'tampered with: entry #17 \\((chain position 17|waiting to be chained)\\) ' +
            'was altered: its authenticator does not match',
        ),
      );
    });

    const keyCheckpointFolderOutside =
      'with a key and a checkpoint folder outside the data directory, a cut-short chain is reported as such';
    it(keyCheckpointFolderOutside, async () => {
      const outside = mkdtempSync(join(tmpdir(), 'steady-cli-keys-'));
      try {
        const other = await openTestDatabase(dialect, join(dir, 'anchored.db'));
        const keyFile = join(outside, 'audit.key');
        assert.match(
          steady(env, ['audit', 'keygen', '--out', keyFile]).out,
          /Audit key written to .*key id [0-9a-f]{16}[\s\S]*BEGIN PUBLIC KEY/,
        );
        assert.equal(steady({ ...env, STEADY_AUDIT_KEY_FILE: join(dir, 'in-data.key') }, ['audit', 'verify']).code, 1);
        assert.match(
          steady({ ...env, STEADY_AUDIT_KEY_FILE: join(dir, 'in-data.key') }, ['audit', 'verify']).out,
          /STEADY_AUDIT_KEY_FILE: must be outside STEADY_DATA_DIR/,
        );
        const anchored = {
          ...env,
          STEADY_DATABASE_URL: other.url,
          STEADY_AUDIT_KEY_FILE: keyFile,
          STEADY_AUDIT_CHECKPOINT_DIR: join(outside, 'checkpoints'),
        };
        steady(anchored, ['demo']);
        assert.match(steady(anchored, ['audit', 'checkpoint']).out, /Checkpoint written: entry \d+/);
        const ok = steady(anchored, ['audit', 'verify']);
        assert.equal(ok.code, 0, ok.out);
        assert.match(ok.out, /It matches the latest signed checkpoint/);
        assert.doesNotMatch(ok.out, /Warning/);

        const { sql } = await import('kysely');
        const db = other.opened.db;
        if (dialect === 'postgres')
          for (const table of ['audit_log', 'audit_chain'])
            await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(db);
        else
          for (const trigger of ['audit_log_no_delete', 'audit_chain_no_delete'])
            await sql`DROP TRIGGER ${sql.raw(trigger)}`.execute(db);
        const head = await db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
        const keep = await db
          .selectFrom('audit_chain')
          .select(['pos', 'hash', 'entry_seq'])
          .where('pos', '=', Number(head.seq) - 5)
          .executeTakeFirstOrThrow();
        await sql`DELETE FROM audit_log WHERE seq > ${keep.entry_seq}`.execute(db);
        await sql`DELETE FROM audit_chain WHERE pos > ${keep.pos}`.execute(db);
        await sql`UPDATE audit_head SET seq = ${keep.pos}, hash = ${keep.hash}`.execute(db);
        const cut = steady(anchored, ['audit', 'verify']);
        assert.equal(cut.code, 1, cut.out);
        assert.match(
          cut.out,
          new RegExp(
            `vouched for ${head.seq} entries, the chain now has ${keep.pos}: ` +
              'the last entries were deleted or the database was rolled back',
          ),
        );
        await other.drop();
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });
  });
}

describe('steady backup on SQLite while the server writes', () => {
  let dir: string;
  let server: ChildProcess;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'steady-backup-'));
  });
  after(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a consistent database that passes the integrity and audit checks', async () => {
    const env = {
      ...process.env,
      STEADY_DATA_DIR: dir,
      PORT: '0',
      STEADY_DEMO_PASSWORD: 'backup-pass-1',
      STEADY_LANG: 'en',
      LOG_LEVEL: 'warn',
    };
    server = spawn(process.execPath, ['--import', 'tsx', cli, 'demo', '--serve'], { cwd: root, env });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /running at (http:\/\/localhost:\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      server.once('exit', () => reject(new Error(`server exited: ${out}`)));
    });
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'backup-pass-1' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const roots = (await (await fetch(`${url}/api/v1/units?roots=true`, { headers: { cookie } })).json()) as {
      items: { id: string }[];
    };
    const writes = (async () => {
      for (let i = 0; i < 40; i++) {
        await fetch(`${url}/api/v1/units`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ parentId: roots.items[0]!.id, name: `备份测试 ${i}`, type: 'other' }),
        });
      }
    })();
    const out = join(dir, 'copy.db');
    const backup = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', cli, 'backup', '--out', out], { cwd: root, env });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      child.on('exit', (code) => resolve({ code, out: text }));
    });
    await writes;
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /Backup written to/);
    const copy = new SQLite(out, { readonly: true });
    assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
    const units = copy.prepare('select count(*) as n from units').get() as { n: number };
    assert.ok(units.n >= 16);
    const entries = copy.prepare('select count(*) as n from audit_log').get() as { n: number };
    const placed = copy
      .prepare('select (select count(*) from audit_chain) + (select count(*) from audit_unchained) as n')
      .get() as { n: number };
    assert.equal(placed.n, entries.n, 'the copy holds whole transactions only: each entry chained or waiting, once');
    copy.close();
    const verify = steady({ STEADY_DATA_DIR: dir, STEADY_DATABASE_URL: `sqlite:${out}` }, ['audit', 'verify']);
    assert.equal(verify.code, 0, verify.out);
  });
});

describe('steady demo --serve without STEADY_DEMO_PASSWORD', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'steady-demo-'));
  });
  after(async () => {
    if (server) await stopSteady(server);
    rmSync(dir, { recursive: true, force: true });
  });

  const ready = /running at (http:\/\/localhost:\d+)[\s\S]*password \(every sample account\): (\S+) \(generated/;

  const printsGeneratedPasswordHow =
    'prints a generated password and how to sign in, and that password signs in; a restart prints the same one';
  it(printsGeneratedPasswordHow, async () => {
    const env = envWithoutDemoPassword({ STEADY_DATA_DIR: dir, PORT: '0' });
    const first = await startSteady(env, ['demo', '--serve', '--sample-plans', '--history'], ready);
    server = first.child;
    const [, url, password] = first.match as unknown as [string, string, string];
    assert.match(first.out, /Loaded the sample organisation: 16 units, 61 people/);
    // `npm run demo` writes the past too, and says how long it took.
    assert.match(
      first.out,
      new RegExp(
        'Wrote the past 60 days of the sample county \\(the demo loaded in \\d+\\.\\d s\\): ' +
          '[1-9]\\d* daily reports, [1-9]\\d* incidents',
      ),
    );
    assert.match(
      first.out,
      new RegExp(
        `The sample organisation is ready\\. Open ${url} and sign in as \\(one account per role and kind of unit\\):`,
      ),
    );
    for (const { username } of sampleAccounts())
      assert.match(first.out, new RegExp(`\\s${username.replace('.', '\\.')}\\n`));
    assert.match(
      first.out,
      /generated and kept in demo-password\.txt in the data directory; set STEADY_DEMO_PASSWORD to choose one/,
    );
    assert.ok(password.length >= 12, password);
    assert.equal(readFileSync(join(dir, 'demo-password.txt'), 'utf8').trim(), password);

    for (const { username } of sampleAccounts()) {
      const res = await loginOver(url, username, password);
      assert.equal(res.status, 200, `${username}: ${await res.text()}`);
    }
    assert.equal((await loginOver(url, 'admin', `${password}x`)).status, 401);
    await stopSteady(server);

    const again = await startSteady(env, ['demo', '--serve'], ready);
    server = again.child;
    assert.match(again.out, /already has units; keeping them/);
    assert.equal(again.match[2], password, 'the restart prints the password that still works');
    assert.equal((await loginOver(again.match[1]!, 'admin', password)).status, 200);
  });
});

if (dialectsUnderTest().includes('postgres')) {
  describe('steady backup on PostgreSQL', () => {
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    const suffix = randomBytes(5).toString('hex');
    const source = `steady_backup_${suffix}`;
    const restored = `steady_restore_${suffix}`;
    const urlOf = (name: string) => {
      const url = new URL(TEST_PG_URL);
      url.pathname = `/${name}`;
      return url.toString();
    };
    let dir: string;
    let env: Record<string, string>;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'steady-pgbackup-'));
      // A database of its own: pg_dump dumps a whole database, and the shared test database holds every test file's
      // schema.
      await admin.connect();
      await admin.query(`CREATE DATABASE ${source}`);
      await admin.query(`CREATE DATABASE ${restored}`);
      env = { STEADY_DATA_DIR: dir, STEADY_DATABASE_URL: urlOf(source), STEADY_DEMO_PASSWORD: 'pg-backup-pass' };
    });
    after(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs pg_dump into a custom-format dump that restores into a database whose audit chain verifies', async () => {
      assert.match(steady(env, ['demo']).out, /Loaded the sample organisation: 16 units, 61 people/);
      const file = join(dir, 'steady.dump');
      const run = steady(env, ['backup', '--out', file]);
      assert.equal(run.code, 0, run.out);
      assert.match(run.out, new RegExp(`Backup written to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), 'PGDMP', 'pg_dump custom format');
      const listing = spawnSync('pg_restore', ['--list', file], { encoding: 'utf8' });
      assert.equal(listing.status, 0, listing.stderr);
      for (const table of ['units', 'people', 'accounts', 'audit_log', 'audit_head'])
        assert.match(listing.stdout, new RegExp(`TABLE public ${table} `), table);

      const restore = spawnSync('pg_restore', ['--no-owner', `--dbname=${urlOf(restored)}`, file], {
        encoding: 'utf8',
      });
      assert.equal(restore.status, 0, restore.stderr);
      const verify = steady({ ...env, STEADY_DATABASE_URL: urlOf(restored) }, ['audit', 'verify']);
      assert.equal(verify.code, 0, verify.out);
      const original = steady(env, ['audit', 'verify']);
      const count = (out: string) => /intact: (\d+) entries/.exec(out)?.[1];
      assert.equal(count(verify.out), count(original.out), 'the copy holds the whole chain');
      const copy = new pg.Client({ connectionString: urlOf(restored) });
      await copy.connect();
      try {
        const { rows } = await copy.query<{ n: number }>('select count(*)::int as n from units');
        assert.equal(rows[0]!.n, 16);
      } finally {
        await copy.end();
      }
    });

    it('without --out, writes into the data directory’s backups folder', () => {
      const run = steady(env, ['backup']);
      assert.equal(run.code, 0, run.out);
      const files = readdirSync(join(dir, 'backups'));
      assert.equal(files.length, 1);
      assert.match(files[0]!, /^steady-\d{8}-\d{6}\.dump$/);
      assert.match(run.out, new RegExp(`Backup written to ${join(dir, 'backups', files[0]!)}`));
    });

    it('without pg_dump on the PATH, prints the documented pg_dump command and fails', () => {
      const file = join(dir, 'not-written.dump');
      const run = steady({ ...env, PATH: join(dir, 'no-such-bin') }, ['backup', '--out', file]);
      assert.equal(run.code, 1, run.out);
      assert.ok(run.out.includes('Back up a PostgreSQL database with pg_dump'), run.out);
      assert.ok(run.out.includes(`pg_dump --format=custom --file=${file} "${urlOf(source)}"`), run.out);
      assert.equal(existsSync(file), false);
    });
  });
}
