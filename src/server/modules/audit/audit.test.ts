import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createTestApp, DEMO_PASSWORD, signIn, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { buildApp } from '../../app.js';
import { createContainer, type Container } from '../../container.js';
import { openDatabase, parseDatabaseUrl } from '../../db/database.js';

/** What someone with direct database access would have to do first: switch off the guard. */
async function disableGuard(t: TestApp): Promise<void> {
  if (t.c.dialect === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(t.c.db);
  } else {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(t.c.db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(t.c.db);
  }
}

for (const dialect of dialectsUnderTest()) {
  describe(`the audit trail (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { demo: true });
    });
    after(() => t.close());

    it('records every change of the sample load in one unbroken chain', async () => {
      const result = await t.c.audit.verify(t.c.db, 7);
      assert.equal(result.ok, true);
      const n = (await t.c.db.selectFrom('audit_log').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      assert.equal(result.checked, Number(n));
      assert.ok(result.checked > 100);
    });

    it('the database itself refuses to update or delete an entry', async () => {
      await assert.rejects(sql`UPDATE audit_log SET actor_label = 'x' WHERE seq = 1`.execute(t.c.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.c.db), /append-only/);
    });

    it('an edited entry is found and named', async () => {
      await disableGuard(t);
      await sql`UPDATE audit_log SET after_json = ${'{"name":"篡改"}'} WHERE seq = 42`.execute(t.c.db);
      const result = await t.c.audit.verify(t.c.db);
      assert.deepEqual(result, { ok: false, checked: 41, seq: 42, reason: 'entry 42 was altered: its hash does not match its content' });
    });

    it('a deleted entry, or a rewritten tail, is found too', async () => {
      await sql`DELETE FROM audit_log WHERE seq >= 42`.execute(t.c.db);
      const truncated = await t.c.audit.verify(t.c.db);
      assert.equal(truncated.ok, false);
      assert.match((truncated as { reason: string }).reason, /missing/);
      await sql`DELETE FROM audit_log WHERE seq = 10`.execute(t.c.db);
      const gap = await t.c.audit.verify(t.c.db);
      assert.deepEqual(gap, { ok: false, checked: 9, seq: 10, reason: 'entry 10 is missing (next found: 11)' });
    });
  });
}

// docs/scaling.md: several instances on one PostgreSQL build one chain, because each append locks
// the one-row audit head (SELECT … FOR UPDATE). On SQLite one process holds the database's write
// lock, so this is a PostgreSQL matter.
if (dialectsUnderTest().includes('postgres')) {
  describe('two instances appending to the audit trail at once (postgres)', () => {
    let t: TestApp;
    let second: { c: Container; app: FastifyInstance };
    before(async () => {
      t = await createTestApp('postgres', { demo: true });
      // A second instance: its own container and connection pool on the same database.
      const c = createContainer(t.c.config, { database: openDatabase(parseDatabaseUrl(t.database.url)) });
      const app = await buildApp(c, { logger: false });
      await app.ready();
      second = { c, app };
    });
    after(async () => {
      await second?.app.close();
      await second?.c.close();
      await t.close();
    });

    it('interleaved writes from both still form one unbroken chain', async () => {
      const admins: Client[] = [await t.signIn('admin'), await signIn(second.app, 'admin', DEMO_PASSWORD)];
      const cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      const s1 = await unitIdByName(t, '城关镇第一小学');
      const before = (await t.c.audit.verify(t.c.db)) as { ok: true; checked: number };
      assert.equal(before.ok, true);

      const perInstance = 15;
      const writes = admins.flatMap((admin, instance) =>
        Array.from({ length: perInstance }, (_, i) =>
          i % 3 === 0
            ? admin.patch(`/api/v1/units/${s1}`, { name: `城关镇第一小学 ${instance}-${i}` })
            : admin.post('/api/v1/units', { parentId: cs1, name: `并发单位 ${instance}-${i}`, type: 'other' }),
        ),
      );
      const results = await Promise.all(writes);
      for (const res of results) assert.ok([200, 201].includes(res.statusCode), `${res.statusCode} ${res.body}`);

      const created = await t.c.db.selectFrom('units').select('id').where('name', 'like', '并发单位 %').execute();
      assert.equal(created.length, 2 * perInstance - 2 * Math.ceil(perInstance / 3));
      const after = await t.c.audit.verify(t.c.db);
      assert.deepEqual(after, { ok: true, checked: before.checked + 2 * perInstance });
      const seen = await second.c.audit.verify(second.c.db);
      assert.deepEqual(seen, after, 'both instances read the same chain');
      const actors = await t.c.db.selectFrom('audit_log').select('seq').where('seq', '>', before.checked).orderBy('seq').execute();
      assert.deepEqual(actors.map((e) => Number(e.seq)), Array.from({ length: 2 * perInstance }, (_, i) => before.checked + 1 + i), 'no gaps, no duplicates');
    });
  });
}
