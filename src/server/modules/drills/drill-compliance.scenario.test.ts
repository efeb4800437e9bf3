import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { localToUtc } from '../../../common/time.js';
import { publishSamplePlans } from '../../demo/sample-plans.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * Fire-evacuation drills on the guidance's calendar, in each unit's own zone: a school in Shanghai
 * (monthly), a kindergarten that drilled (quarterly), a kindergarten that never drilled, and a
 * school in New York (13 hours behind). The supervisor looks at 00:30, 07:30, 15:30 and 23:30
 * Shanghai time on days around a month's end; a drill held at 00:10 on 1 May in Shanghai (still
 * 30 April in UTC) counts for May there, and one held at 21:00 on 30 April in New York (1 May in
 * UTC and in Shanghai) counts for April there.
 */
const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
interface TypeView {
  type: string;
  every: string;
  required: number;
  held: number;
  periodStart: string;
  dueBy: string | null;
  state: string;
}
interface UnitView {
  unitId: string;
  state: string;
  types: TypeView[];
}
type Expect = [state: string, periodStart: string, held: number, dueBy: string];
const MOMENTS: { day: string; time: string; s1: Expect; k1: Expect; k2: Expect; ny: Expect }[] = [
  // 2027-03-31 16:30 UTC; 12:30 on 31 March in New York.
  {
    day: '2027-04-01',
    time: '00:30',
    s1: ['on_schedule', '2027-04-01', 0, '2027-04-30'],
    k1: ['on_schedule', '2027-04-01', 0, '2027-06-30'],
    k2: ['overdue', '2027-04-01', 0, '2027-03-31'],
    ny: ['due_soon', '2027-03-01', 0, '2027-03-31'],
  },
  // 18:30 on 23 April in New York: March went by without a drill there.
  {
    day: '2027-04-24',
    time: '07:30',
    s1: ['due_soon', '2027-04-01', 0, '2027-04-30'],
    k1: ['on_schedule', '2027-04-01', 0, '2027-06-30'],
    k2: ['overdue', '2027-04-01', 0, '2027-03-31'],
    ny: ['overdue', '2027-04-01', 0, '2027-03-31'],
  },
  // 03:30 on 1 May in New York, after its drill of 30 April 21:00 there.
  {
    day: '2027-05-01',
    time: '15:30',
    s1: ['overdue', '2027-05-01', 0, '2027-04-30'],
    k1: ['on_schedule', '2027-04-01', 0, '2027-06-30'],
    k2: ['overdue', '2027-04-01', 0, '2027-03-31'],
    ny: ['on_schedule', '2027-05-01', 0, '2027-05-31'],
  },
  // After the Shanghai school records its drill of 00:10 that day.
  {
    day: '2027-05-01',
    time: '23:30',
    s1: ['on_schedule', '2027-05-01', 1, '2027-06-30'],
    k1: ['on_schedule', '2027-04-01', 0, '2027-06-30'],
    k2: ['overdue', '2027-04-01', 0, '2027-03-31'],
    ny: ['on_schedule', '2027-05-01', 0, '2027-05-31'],
  },
];

for (const dialect of dialectsUnderTest()) {
  describe(`drill compliance at any hour, in two zones (${dialect})`, () => {
    const clock = new FakeClock('2027-02-01T02:00:00Z');
    let t: TestApp;
    const id = { s1: '', k1: '', k2: '', ny: '' };
    const manager: Record<keyof typeof id, string> = {
      s1: 's1.safety',
      k1: 'k1.safety',
      k2: 'k2.safety',
      ny: 's2.safety',
    };

    /** Records a fire drill of `unit` held from `startedAt` for 20 minutes, with the clock an hour later. */
    async function drill(unit: keyof typeof id, startedAt: Date, plannedDate: string) {
      if (clock.now() < new Date(startedAt.getTime() + 3_600_000)) clock.set(new Date(startedAt.getTime() + 3_600_000));
      const who = await t.signIn(manager[unit]);
      const planned = await who.post('/api/v1/drills', {
        unitId: id[unit],
        type: 'fire_evacuation',
        plannedDate,
        title: '消防疏散演练',
      });
      assert.equal(planned.statusCode, 201, planned.body);
      const endedAt = new Date(startedAt.getTime() + 20 * 60_000).toISOString();
      const recorded = await who.post(`/api/v1/drills/${planned.json().id}/record`, {
        startedAt: startedAt.toISOString(),
        endedAt,
        participants: 100,
        evacuationSeconds: 100,
        evaluation: '有序',
      });
      assert.equal(recorded.statusCode, 200, recorded.body);
    }
    async function look(): Promise<Record<keyof typeof id, TypeView>> {
      const supervisor: Client = await t.signIn('cs1.head');
      const units = (await supervisor.get('/api/v1/drills/compliance')).json().units as UnitView[];
      const fire = (unitId: string) =>
        units.find((u) => u.unitId === unitId)!.types.find((x) => x.type === 'fire_evacuation')!;
      return { s1: fire(id.s1), k1: fire(id.k1), k2: fire(id.k2), ny: fire(id.ny) };
    }

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_LOGIN_ATTEMPTS: '1000' } });
      const admin = await t.signIn('admin');
      id.s1 = await unitIdByName(t, '城关镇第一小学');
      id.k1 = await unitIdByName(t, '城关镇中心幼儿园');
      id.k2 = await unitIdByName(t, '城关镇阳光幼儿园');
      id.ny = await unitIdByName(t, '城关镇第二小学');
      assert.equal((await admin.patch(`/api/v1/units/${id.ny}`, { timeZone: NY })).statusCode, 200);
      await publishSamplePlans(t.c, [
        { id: id.s1, type: 'school' },
        { id: id.ny, type: 'school' },
        { id: id.k1, type: 'kindergarten' },
        { id: id.k2, type: 'kindergarten' },
      ]);
      await drill('ny', localToUtc('2027-02-10', '10:00', NY), '2027-02-10');
      await drill('k1', localToUtc('2027-02-15', '10:00', SH), '2027-02-15');
      await drill('s1', localToUtc('2027-03-10', '10:00', SH), '2027-03-10');
    });
    after(() => t.close());

    for (const m of MOMENTS) {
      it(`at ${m.time} on ${m.day} in Shanghai, each unit is judged on its own calendar`, async () => {
        const now = localToUtc(m.day, m.time, SH);
        if (m.day === '2027-05-01' && m.time === '15:30')
          await drill('ny', localToUtc('2027-04-30', '21:00', NY), '2027-04-30');
        if (m.day === '2027-05-01' && m.time === '23:30')
          await drill('s1', localToUtc('2027-05-01', '00:10', SH), '2027-05-01');
        clock.set(now);
        const seen = await look();
        for (const unit of ['s1', 'k1', 'k2', 'ny'] as const) {
          const [state, periodStart, held, dueBy] = m[unit];
          assert.deepEqual(
            [seen[unit].state, seen[unit].periodStart, seen[unit].held, seen[unit].dueBy],
            [state, periodStart, held, dueBy],
            unit,
          );
        }
        assert.deepEqual(
          [seen.s1.every, seen.k1.every, seen.ny.every],
          ['month', 'quarter', 'month'],
          'schools monthly, kindergartens quarterly',
        );
        assert.notEqual(seen.k2.state, 'on_schedule', 'never held is never green');
      });
    }

    it('the plan’s own frequency wins over the guidance', async () => {
      const safety = await t.signIn('k2.safety');
      const head = await t.signIn('k2.head');
      const plan = (await safety.post('/api/v1/plans', { unitId: id.k2, template: 'kindergarten' })).json();
      const drills = plan.content.drills.map((d: { type: string; perTerm: number }) =>
        d.type === 'fire_evacuation' ? { ...d, every: 'month' } : d,
      );
      assert.equal(
        (await safety.patch(`/api/v1/plans/${plan.planId}/draft`, { content: { ...plan.content, drills } })).statusCode,
        200,
      );
      assert.equal((await head.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);
      const k2 = (await look()).k2;
      assert.deepEqual([k2.every, k2.periodStart, k2.state], ['month', '2027-05-01', 'overdue']);
    });
  });
}
