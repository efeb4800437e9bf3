import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

// 22:30 in Shanghai.
const T0 = new Date('2027-06-01T14:30:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`offline patrol check-ins are stored once (${dialect})`, () => {
    let t: TestApp;
    let duty: Client;
    let other: Client;
    let s1Point: string;
    let s2Point: string;
    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock: new FakeClock(T0) });
      const admin = await t.signIn('admin');
      duty = await t.signIn('s1.gate');
      other = await t.signIn('s2.safety');
      const s1 = await unitIdByName(t, '城关镇第一小学');
      const s2 = await unitIdByName(t, '城关镇第二小学');
      const a = await admin.post('/api/v1/patrol-checkpoints', { unitId: s1, name: '东门' });
      const b = await admin.post('/api/v1/patrol-checkpoints', { unitId: s2, name: '西门' });
      assert.equal(a.statusCode, 201, a.body);
      assert.equal(b.statusCode, 201, b.body);
      s1Point = a.json().id;
      s2Point = b.json().id;
    });
    after(() => t.close());

    const checkIn = (by: Client, body: Record<string, unknown>) =>
      by.post('/api/v1/patrol-check-ins', { checkpointId: s1Point, checkedInAt: '2027-06-01T14:25:00.000Z', ...body });
    const rowsWithKey = (key: string) =>
      t.c.db.selectFrom('patrol_check_ins').select(['id', 'at']).where('client_key', '=', key).execute();
    const audited = async (checkInId: string) =>
      (
        await t.c.db.selectFrom('audit_log').select('after_json').where('action', '=', 'patrol.check-in').execute()
      ).filter((r) => r.after_json?.includes(checkInId)).length;

    it('the same key sent twice stores one check-in and answers it again (200), audited once', async () => {
      const key = randomUUID();
      const first = await checkIn(duty, { clientKey: key, note: '门已锁' });
      assert.equal(first.statusCode, 201, first.body);
      const again = await checkIn(duty, { clientKey: key, note: '门已锁' });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json(), first.json());
      const rows = await rowsWithKey(key);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.at, '2027-06-01T14:25:00.000Z', 'the time the phone scanned, not the send');
      assert.equal(first.json().checkIn.at, '2027-06-01T14:25:00.000Z');
      assert.equal(await audited(first.json().checkIn.id), 1);
    });

    it('two keys at the same point are two check-ins', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const first = await checkIn(duty, { clientKey: a });
      const second = await checkIn(duty, { clientKey: b });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(second.statusCode, 201, second.body);
      assert.notEqual(first.json().checkIn.id, second.json().checkIn.id);
      assert.equal((await rowsWithKey(a)).length + (await rowsWithKey(b)).length, 2);
    });

    it('the same key arriving three times at once still stores one check-in', async () => {
      const key = randomUUID();
      const answers = await Promise.all([1, 2, 3].map(() => checkIn(duty, { clientKey: key })));
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 201], answers.map((a) => a.body).join());
      assert.equal(new Set(answers.map((a) => a.json().checkIn.id)).size, 1);
      assert.equal((await rowsWithKey(key)).length, 1);
      assert.equal(await audited(answers[0]!.json().checkIn.id), 1);
    });

    it('a key already used at another unit is refused, naming clientKey', async () => {
      const key = randomUUID();
      assert.equal((await checkIn(duty, { clientKey: key })).statusCode, 201);
      const reused = await checkIn(other, { clientKey: key, checkpointId: s2Point });
      assert.equal(reused.statusCode, 422, reused.body);
      assert.deepEqual(
        reused.json().errors.map((e: { field: string }) => e.field),
        ['clientKey'],
      );
      assert.equal((await rowsWithKey(key)).length, 1);
    });

    it('a scan time ahead of the server clock beyond the allowed skew is refused by field', async () => {
      const ahead = await checkIn(duty, { clientKey: randomUUID(), checkedInAt: '2027-06-01T14:33:00.000Z' });
      assert.equal(ahead.statusCode, 422, ahead.body);
      assert.deepEqual(
        ahead.json().errors.map((e: { field: string }) => e.field),
        ['checkedInAt'],
      );
      const bad = await checkIn(duty, { clientKey: 'not-a-key' });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(
        bad.json().errors.map((e: { field: string }) => e.field),
        ['clientKey'],
      );
    });

    it('without a key or a time, a check-in is stored at the server time as before', async () => {
      const res = await duty.post('/api/v1/patrol-check-ins', { checkpointId: s1Point });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().checkIn.at, T0.toISOString());
    });
  });
}
