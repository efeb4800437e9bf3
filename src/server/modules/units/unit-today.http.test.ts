import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * The one "today" the screens start from: the unit's date in its own zone by the server's clock,
 * at four Shanghai hours (two of them already the next day in Shanghai while still the day before
 * in UTC) and for a unit in New York, 13 hours behind.
 */
const MOMENTS = [
  { utc: '2026-12-05T16:30:00Z', shanghai: '2026-12-06', newYork: '2026-12-05' }, // 00:30 Shanghai
  { utc: '2026-12-05T23:30:00Z', shanghai: '2026-12-06', newYork: '2026-12-05' }, // 07:30
  { utc: '2026-12-06T07:30:00Z', shanghai: '2026-12-06', newYork: '2026-12-06' }, // 15:30
  { utc: '2026-12-06T15:30:00Z', shanghai: '2026-12-06', newYork: '2026-12-06' }, // 23:30
];

for (const dialect of dialectsUnderTest()) {
  describe(`a unit's today (${dialect})`, () => {
    const clock = new FakeClock(MOMENTS[0]!.utc);
    let t: TestApp;
    let admin: Client;
    let s1: string;
    let far: string;

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock });
      admin = await t.signIn('admin');
      s1 = await unitIdByName(t, '城关镇第一小学');
      const made = await admin.post('/api/v1/units', {
        parentId: await unitIdByName(t, '青山县城关镇中心学校'),
        name: '纽约交流学校',
        type: 'school',
        timeZone: 'America/New_York',
      });
      assert.equal(made.statusCode, 201, made.body);
      far = made.json().id;
    });
    after(() => t.close());

    for (const moment of MOMENTS) {
      it(`at ${moment.utc}: ${moment.shanghai} in Shanghai, ${moment.newYork} in New York`, async () => {
        clock.set(moment.utc);
        const here = (await admin.get(`/api/v1/units/${s1}/today`)).json();
        assert.deepEqual(here, {
          unitId: s1,
          timeZone: 'Asia/Shanghai',
          today: moment.shanghai,
          now: new Date(moment.utc).toISOString(),
        });
        const there = (await admin.get(`/api/v1/units/${far}/today`)).json();
        assert.equal(there.today, moment.newYork);
        assert.equal(there.timeZone, 'America/New_York');
      });
    }

    it('a unit one may not see has no today for the asker (404)', async () => {
      const safety = await t.signIn('s1.safety');
      assert.equal((await safety.get(`/api/v1/units/${far}/today`)).statusCode, 404);
      assert.equal((await safety.get(`/api/v1/units/${s1}/today`)).statusCode, 200);
    });
  });
}
