import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { localDate, localToUtc } from '../../../common/time.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * Visitor times at 00:30, 07:30, 15:30 and 23:30 in Shanghai, at a school there and at a school in
 * New York (13 hours behind): a check-in or check-out more than two minutes ahead of the server's
 * clock is refused with the field named and nothing stored; one within the allowance is taken; and
 * the visit is found under the unit's own date, which at 00:30 in Shanghai is not UTC's.
 */
const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const MOMENTS = [
  ['2027-06-01', '00:30'],
  ['2027-06-01', '07:30'],
  ['2027-06-01', '15:30'],
  ['2027-06-01', '23:30'],
] as const;
const MINUTE = 60_000;

for (const dialect of dialectsUnderTest()) {
  describe(`visitor times at any hour, in two zones (${dialect})`, () => {
    const clock = new FakeClock('2027-05-31T00:00:00Z');
    let t: TestApp;
    const units: { id: string; zone: string; gate: string }[] = [];
    const count = async () =>
      Number(
        (
          await t.c.db
            .selectFrom('visitors')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_LOGIN_ATTEMPTS: '1000' } });
      const admin = await t.signIn('admin');
      const s1 = await unitIdByName(t, '城关镇第一小学');
      const s2 = await unitIdByName(t, '城关镇第二小学');
      assert.equal((await admin.patch(`/api/v1/units/${s2}`, { timeZone: NY })).statusCode, 200);
      units.push({ id: s1, zone: SH, gate: 's1.gate' }, { id: s2, zone: NY, gate: 's2.safety' });
    });
    after(() => t.close());

    for (const [day, time] of MOMENTS) {
      const shanghaiOnlyTimesUp =
        `at ${time} in Shanghai: only times up to ` +
        'two minutes ahead are taken, and the visit is on the unit’s date';
      it(shanghaiOnlyTimesUp, async () => {
        const now = localToUtc(day, time, SH);
        clock.set(now);
        for (const unit of units) {
          const gate: Client = await t.signIn(unit.gate);
          const visit = (at?: Date) =>
            gate.post('/api/v1/visitors', {
              unitId: unit.id,
              name: '张三',
              idNumber: '1234',
              purpose: '送货',
              ...(at ? { checkedInAt: at.toISOString() } : {}),
            });
          const before = await count();
          const ahead = await visit(new Date(now.getTime() + 3 * MINUTE));
          assert.equal(ahead.statusCode, 422, ahead.body);
          assert.deepEqual(
            ahead.json().errors.map((e: { field: string }) => e.field),
            ['checkedInAt'],
          );
          assert.match(ahead.json().errors[0].message, /不能晚于现在/);
          assert.equal(await count(), before, 'nothing stored');

          const skewed = await visit(new Date(now.getTime() + 90_000));
          assert.equal(skewed.statusCode, 201, 'a phone 90 seconds fast is within the allowance');
          const id = skewed.json().id as string;
          const early = await gate.post(`/api/v1/visitors/${id}/check-out`, {
            checkedOutAt: new Date(now.getTime() + 3 * MINUTE).toISOString(),
          });
          assert.equal(early.statusCode, 422, early.body);
          assert.deepEqual(
            early.json().errors.map((e: { field: string }) => e.field),
            ['checkedOutAt'],
          );
          const stillInside = (await gate.get(`/api/v1/visitors?unitId=${unit.id}&inside=true`))
            .json()
            .items.map((v: { id: string }) => v.id);
          assert.ok(stillInside.includes(id), 'the refused check-out left the visitor inside');
          const english = await gate.post(
            `/api/v1/visitors/${id}/check-out`,
            { checkedOutAt: new Date(now.getTime() + 10 * MINUTE).toISOString() },
            { 'accept-language': 'en' },
          );
          assert.match(english.json().errors[0].message, /cannot be in the future/);
          const out = await gate.post(`/api/v1/visitors/${id}/check-out`, {
            checkedOutAt: new Date(now.getTime() + 100_000).toISOString(),
          });
          assert.equal(out.statusCode, 200, out.body);

          // Found under the unit's today, whatever UTC's date is; not under the day before.
          const today = localDate(now, unit.zone);
          const listed = (await gate.get(`/api/v1/visitors?unitId=${unit.id}&from=${today}&to=${today}`))
            .json()
            .items.map((v: { id: string }) => v.id);
          assert.ok(listed.includes(id), `${unit.zone}: the visit is on ${today}`);
          const dayBefore = localDate(new Date(localToUtc(today, '00:00', unit.zone).getTime() - MINUTE), unit.zone);
          const earlier = (await gate.get(`/api/v1/visitors?unitId=${unit.id}&from=${dayBefore}&to=${dayBefore}`))
            .json()
            .items.map((v: { id: string }) => v.id);
          assert.ok(!earlier.includes(id));
        }
      });
    }
  });
}
