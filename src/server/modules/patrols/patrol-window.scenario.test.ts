import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { localToUtc, nextDay } from '../../../common/time.js';
import { publishSamplePlans } from '../../demo/sample-plans.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * Two schools on the school template (patrol window 22:00–06:00, five patrols a night, two of them
 * unannounced), one in Shanghai and one in New York (13 hours behind). At 00:30, 07:30, 15:30 and
 * 23:30 Shanghai time their central school publishes a special period that widens the window to
 * 20:00–09:00 and asks for seven patrols, four unannounced. The night in progress (in each school's
 * own zone) takes the new window at once for what is left of it; tonight is drawn again in full.
 */
const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const FULL = { scheduled: ['20:00', '00:20', '04:40'], from: '20:00' };
type Night = { night: string; scheduled: string[]; from: string };
const MOMENTS: { day: string; time: string; sh: Night[]; ny: Night[] }[] = [
  {
    day: '2027-03-10',
    time: '00:30',
    sh: [
      { night: '2027-03-09', scheduled: ['04:40'], from: '00:30' },
      { night: '2027-03-10', ...FULL },
    ],
    ny: [{ night: '2027-03-09', ...FULL }],
  },
  {
    day: '2027-03-13',
    time: '07:30',
    sh: [
      { night: '2027-03-12', scheduled: [], from: '07:30' },
      { night: '2027-03-13', ...FULL },
    ],
    ny: [{ night: '2027-03-12', ...FULL }],
  },
  {
    day: '2027-03-16',
    time: '15:30',
    sh: [{ night: '2027-03-16', ...FULL }],
    ny: [
      { night: '2027-03-15', scheduled: ['04:40'], from: '02:30' },
      { night: '2027-03-16', ...FULL },
    ],
  },
  {
    day: '2027-03-19',
    time: '23:30',
    sh: [{ night: '2027-03-19', scheduled: ['00:20', '04:40'], from: '23:30' }],
    ny: [{ night: '2027-03-19', ...FULL }],
  },
];
const dayBefore = (day: string) => DateTime.fromISO(day).minus({ days: 1 }).toISODate()!;

for (const dialect of dialectsUnderTest()) {
  describe(`a wider patrol window published at any hour, in two zones (${dialect})`, () => {
    const clock = new FakeClock('2027-03-01T02:00:00Z');
    let t: TestApp;
    let head: Client;
    const id = { cs1: '', sh: '', ny: '' };

    const walkTo = async (at: Date) => {
      clock.set(at);
      for (let i = 0; i < 30 && (await t.c.engine.tick()) > 0; i++);
      head = await t.signIn('cs1.head');
    };
    const nightRows = (unitId: string, night: string) =>
      t.c.db
        .selectFrom('patrols')
        .select(['kind', 'state', 'due_at'])
        .where('unit_id', '=', unitId)
        .where('night_date', '=', night)
        .where('kind', '!=', 'extra')
        .execute();
    const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');

    /** After the publish: what waits in the night is drawn from the new window, and only from now on. */
    async function assertNight(unitId: string, zone: string, n: Night, now: Date) {
      const rows = await nightRows(unitId, n.night);
      const waiting = rows.filter((r) => r.state === 'planned');
      const from = n.from === '20:00' ? localToUtc(n.night, '20:00', zone) : now;
      const end = localToUtc(nextDay(n.night), '09:00', zone);
      for (const r of waiting) {
        const due = Date.parse(r.due_at);
        assert.ok(
          due >= from.getTime() && due < end.getTime(),
          `${n.night} ${zone}: ${r.kind} at ${local(r.due_at, zone)} lies in the rest of the new window`,
        );
      }
      assert.deepEqual(
        waiting
          .filter((r) => r.kind === 'scheduled')
          .map((r) => local(r.due_at, zone))
          .sort(),
        [...n.scheduled].sort(),
        `${n.night} ${zone}: fixed times`,
      );
      const unannounced = rows.filter((r) => r.kind === 'unannounced');
      assert.equal(unannounced.length, 4, `${n.night} ${zone}: four unannounced patrols in the night, held or waiting`);
      if (n.from === '20:00')
        assert.ok(
          unannounced.every((r) => r.state === 'planned'),
          'a night not begun is drawn in full',
        );
    }

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_LOGIN_ATTEMPTS: '1000' } });
      const admin = await t.signIn('admin');
      id.cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      id.sh = await unitIdByName(t, '城关镇第一小学');
      id.ny = await unitIdByName(t, '城关镇第二小学');
      assert.equal((await admin.patch(`/api/v1/units/${id.ny}`, { timeZone: NY })).statusCode, 200);
      await publishSamplePlans(t.c, [
        { id: id.sh, type: 'school' },
        { id: id.ny, type: 'school' },
      ]);
    });
    after(() => t.close());

    for (const m of MOMENTS) {
      it(`at ${m.time} in Shanghai (${m.day}): the night under way and tonight take the new window`, async () => {
        const now = localToUtc(m.day, m.time, SH);
        await walkTo(localToUtc(m.day, '00:00', SH));
        await walkTo(now);
        const before = await nightRows(id.sh, m.sh[0]!.night);
        assert.ok(before.length > 0, 'the standing plan had planned the night');
        assert.ok(
          before.every((r) => {
            const h = local(r.due_at, SH);
            return h >= '22:00' || h < '06:00';
          }),
          'inside 22:00–06:00 before the publish',
        );

        const plan = (
          await head.post('/api/v1/plans', {
            unitId: id.cs1,
            template: 'special_period',
            period: { name: '汛期', startDate: dayBefore(m.day), endDate: m.day },
          })
        ).json();
        const duty = {
          ...plan.content.duty,
          patrolWindow: { start: '20:00', end: '09:00' },
          minPatrolsPerDay: 7,
          minUnannouncedPatrols: 4,
        };
        assert.equal(
          (
            await head.patch(`/api/v1/plans/${plan.planId}/draft`, {
              coversSubUnits: true,
              content: { ...plan.content, duty },
            })
          ).statusCode,
          200,
        );
        const published = await head.post(`/api/v1/plans/${plan.planId}/publish`);
        assert.equal(published.statusCode, 200, published.body);

        for (const n of m.sh) await assertNight(id.sh, SH, n, now);
        for (const n of m.ny) await assertNight(id.ny, NY, n, now);
        // The first patrol drawn after now is prompted when its time comes.
        const next = (await nightRows(id.sh, m.sh[0]!.night))
          .filter((r) => r.state === 'planned')
          .sort((a, b) => a.due_at.localeCompare(b.due_at))[0];
        if (next) {
          await walkTo(new Date(next.due_at));
          const prompted = (await nightRows(id.sh, m.sh[0]!.night)).find((r) => r.due_at === next.due_at);
          assert.notEqual(prompted?.state, 'planned', 'prompted at its time');
        }
      });
    }
  });
}
