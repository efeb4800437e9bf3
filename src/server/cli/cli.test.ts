import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/dialects.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'src/server/cli/steady.ts');

function steady(env: Record<string, string>, args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root, input, encoding: 'utf8', env: { ...process.env, STEADY_LANG: 'en', LOG_LEVEL: 'warn', ...env },
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

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

    it('migrate, then demo loads the sample organisation once', () => {
      assert.match(steady(env, ['migrate']).out, /Applied migrations: 20261129_0800_foundation/);
      assert.match(steady(env, ['demo']).out, /Loaded the sample organisation: 16 units, 61 people/);
      assert.match(steady(env, ['demo']).out, /already has units; keeping them/);
    });

    it('demo --sample-plans also publishes a standing plan for each school, kindergarten and community', async () => {
      const other = await openTestDatabase(dialect, join(dir, 'with-plans.db'));
      try {
        const out = steady({ ...env, STEADY_DATABASE_URL: other.url }, ['demo', '--sample-plans']).out;
        assert.match(out, /Loaded the sample organisation: 16 units, 61 people/);
        assert.match(out, /Published 12 sample plans/);
        const { db } = other.opened;
        const published = await db.selectFrom('plan_versions').innerJoin('plans', 'plans.id', 'plan_versions.plan_id').innerJoin('units', 'units.id', 'plans.unit_id')
          .select(['units.type', 'plan_versions.content_json']).where('plan_versions.status', '=', 'published').execute();
        assert.deepEqual(published.map((p) => p.type).sort(), [...Array(3).fill('community'), ...Array(3).fill('kindergarten'), ...Array(6).fill('school')]);
        for (const p of published) assert.equal(JSON.parse(p.content_json).dailyReport.required, p.type !== 'community', p.type);
      } finally {
        await other.drop();
      }
    });

    it('user add and user reset-password', () => {
      const added = steady(env, ['user', 'add', 'ops.admin', '--name', '运维', '--unit', '青山县教育局', '--role', 'admin', 'supervisor']);
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
      assert.match(bad.out, /the first bad entry is #17 \(entry 17 was altered/);
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
    const env = { ...process.env, STEADY_DATA_DIR: dir, PORT: '0', STEADY_DEMO_PASSWORD: 'backup-pass-1', STEADY_LANG: 'en', LOG_LEVEL: 'warn' };
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
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'backup-pass-1' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const roots = (await (await fetch(`${url}/api/v1/units?roots=true`, { headers: { cookie } })).json()) as { items: { id: string }[] };
    const writes = (async () => {
      for (let i = 0; i < 40; i++) {
        await fetch(`${url}/api/v1/units`, {
          method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
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
    const head = copy.prepare('select seq from audit_head').get() as { seq: number };
    const last = copy.prepare('select max(seq) as seq from audit_log').get() as { seq: number };
    assert.equal(head.seq, last.seq, 'the copy holds whole transactions only');
    copy.close();
    const verify = steady({ STEADY_DATA_DIR: dir, STEADY_DATABASE_URL: `sqlite:${out}` }, ['audit', 'verify']);
    assert.equal(verify.code, 0, verify.out);
  });
});
