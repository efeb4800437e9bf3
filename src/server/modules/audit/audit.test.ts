import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';

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
