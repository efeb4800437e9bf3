import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

// 09:00 in Shanghai.
const T0 = new Date('2027-06-01T01:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`the gate's offline check-ins are stored once (${dialect})`, () => {
    let t: TestApp;
    let gate: Client;
    let admin: Client;
    let s1: string;
    let s2: string;
    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock: new FakeClock(T0) });
      gate = await t.signIn('s1.gate');
      admin = await t.signIn('admin');
      s1 = await unitIdByName(t, '城关镇第一小学');
      s2 = await unitIdByName(t, '城关镇第二小学');
    });
    after(() => t.close());

    const checkIn = (by: Client, body: Record<string, unknown>) =>
      by.post('/api/v1/visitors', {
        unitId: s1,
        name: '周访客',
        idNumber: '**************4512',
        purpose: '送货',
        checkedInAt: '2027-06-01T00:55:00.000Z',
        ...body,
      });
    const rowsWithKey = async (key: string) =>
      t.c.db.selectFrom('visitors').select(['id', 'checked_in_at']).where('client_key', '=', key).execute();
    const auditedCheckIns = async (id: string) =>
      (
        await t.c.db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', '=', 'visitor.check-in')
          .where('entity_id', '=', id)
          .execute()
      ).length;

    it('the same key sent twice stores one visit and answers it again (200), audited once', async () => {
      const key = randomUUID();
      const first = await checkIn(gate, { clientKey: key });
      assert.equal(first.statusCode, 201, first.body);
      const again = await checkIn(gate, { clientKey: key });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json(), first.json());
      const rows = await rowsWithKey(key);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.checked_in_at, '2027-06-01T00:55:00.000Z', 'the time the phone checked in, not the send');
      assert.equal(await auditedCheckIns(first.json().id), 1);
    });

    it('different keys with the same details are two visits', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const first = await checkIn(gate, { clientKey: a, name: '吴双' });
      const second = await checkIn(gate, { clientKey: b, name: '吴双' });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(second.statusCode, 201, second.body);
      assert.notEqual(first.json().id, second.json().id);
      assert.equal((await rowsWithKey(a)).length + (await rowsWithKey(b)).length, 2);
      const named = await t.c.db.selectFrom('visitors').select('id').where('name', '=', '吴双').execute();
      assert.equal(named.length, 2);
    });

    it('the same key arriving twice at once still stores one visit', async () => {
      const key = randomUUID();
      const answers = await Promise.all([1, 2, 3].map(() => checkIn(gate, { clientKey: key, name: '郑同时' })));
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 201], answers.map((a) => a.body).join());
      assert.equal(new Set(answers.map((a) => a.json().id)).size, 1);
      assert.equal((await rowsWithKey(key)).length, 1);
    });

    it('a key already used for a visit at another unit is refused, naming clientKey', async () => {
      const key = randomUUID();
      assert.equal((await checkIn(admin, { clientKey: key })).statusCode, 201);
      const reused = await checkIn(admin, { clientKey: key, unitId: s2 });
      assert.equal(reused.statusCode, 422, reused.body);
      assert.deepEqual(
        reused.json().errors.map((e: { field: string }) => e.field),
        ['clientKey'],
      );
      assert.equal((await rowsWithKey(key)).length, 1);
    });

    it('a key that is not a UUID is refused by field', async () => {
      const res = await checkIn(gate, { clientKey: 'not-a-key' });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        ['clientKey'],
      );
    });

    it('a check-out sent again with its key answers the visit as stored; without it, a second is refused', async () => {
      const visit = (await checkIn(gate, { clientKey: randomUUID(), name: '冯出门' })).json();
      const key = randomUUID();
      const out = { checkedOutAt: '2027-06-01T00:58:00.000Z', clientKey: key };
      const first = await gate.post(`/api/v1/visitors/${visit.id}/check-out`, out);
      assert.equal(first.statusCode, 200, first.body);
      const again = await gate.post(`/api/v1/visitors/${visit.id}/check-out`, {
        ...out,
        checkedOutAt: '2027-06-01T00:59:00.000Z',
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().checkedOutAt, '2027-06-01T00:58:00.000Z', 'the first check-out stands');
      const audited = await t.c.db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'visitor.check-out')
        .where('entity_id', '=', visit.id)
        .execute();
      assert.equal(audited.length, 1);
      const other = await gate.post(`/api/v1/visitors/${visit.id}/check-out`, { clientKey: randomUUID() });
      assert.equal(other.statusCode, 409, other.body);
    });
  });
}
