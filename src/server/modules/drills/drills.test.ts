import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';
import { periodFor, periodOf, requiredIn, typeCompliance, worst } from './compliance.js';

const T0 = new Date('2027-02-20T02:00:00.000Z');
const DAY = 86_400_000;

describe('drill compliance on the calendar', () => {
  const input = (every: 'month' | 'quarter' | 'term', today: string, heldOn: string[], perTerm = 4) => ({
    type: 'fire_evacuation' as const,
    perTerm,
    every,
    heldOn,
    lastDone: null,
    today,
  });

  it('periods are calendar months, quarters and terms (spring February–July, autumn August–January)', () => {
    assert.deepEqual(periodOf('2027-04-01', 'month'), { start: '2027-04-01', end: '2027-04-30' });
    assert.deepEqual(periodOf('2027-02-28', 'month'), { start: '2027-02-01', end: '2027-02-28' });
    assert.deepEqual(periodOf('2027-05-15', 'quarter'), { start: '2027-04-01', end: '2027-06-30' });
    assert.deepEqual(periodOf('2027-03-03', 'term'), { start: '2027-02-01', end: '2027-07-31' });
    assert.deepEqual(periodOf('2027-01-20', 'term'), { start: '2026-08-01', end: '2027-01-31' });
    assert.deepEqual(periodOf('2026-09-01', 'term'), { start: '2026-08-01', end: '2027-01-31' });
  });

  it('the plan’s frequency wins; else the guidance: schools monthly, kindergartens quarterly', () => {
    assert.equal(periodFor({ type: 'fire_evacuation' }, 'school'), 'month');
    assert.equal(periodFor({ type: 'fire_evacuation' }, 'kindergarten'), 'quarter');
    assert.equal(periodFor({ type: 'fire_evacuation', every: 'term' }, 'school'), 'term');
    assert.equal(periodFor({ type: 'earthquake' }, 'school'), 'term');
    assert.equal(requiredIn(4, 'month'), 1);
    assert.equal(requiredIn(4, 'term'), 4);
    assert.equal(requiredIn(5, 'quarter'), 3);
    assert.equal(requiredIn(0, 'month'), 0);
  });

  const metThisPeriodSchedule =
    'met this period is on schedule; unmet is due while the last period was met; a missed period, or never, is overdue';
  it(metThisPeriodSchedule, () => {
    assert.equal(typeCompliance(input('month', '2027-04-10', ['2027-04-02'])).state, 'on_schedule');
    assert.equal(typeCompliance(input('month', '2027-04-10', ['2027-03-20'])).state, 'on_schedule');
    const soon = typeCompliance(input('month', '2027-04-25', ['2027-03-20']));
    assert.deepEqual([soon.state, soon.dueBy, soon.held, soon.required], ['due_soon', '2027-04-30', 0, 1]);
    const missed = typeCompliance(input('month', '2027-05-01', ['2027-03-20']));
    assert.deepEqual([missed.state, missed.dueBy], ['overdue', '2027-04-30']);
    const never = typeCompliance(input('quarter', '2027-01-01', []));
    assert.equal(never.state, 'overdue', 'never held is never green, even on the first day of a period');
    assert.equal(
      typeCompliance(input('term', '2027-03-01', ['2027-02-02', '2027-02-03', '2027-02-04'])).state,
      'overdue',
      'three of four is not met',
    );
    assert.equal(typeCompliance({ ...input('term', '2027-03-01', []), perTerm: 0 }).state, 'not_required');
    assert.equal(worst(['on_schedule', 'overdue', 'due_soon']), 'overdue');
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`drills (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let head: Client;
    let k1: string;
    let k2: string;
    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      k2 = await unitIdByName(t, '城关镇阳光幼儿园');
      for (const unit of ['k1', 'k2']) {
        const safety = await t.signIn(`${unit}.safety`);
        const headOf = await t.signIn(`${unit}.head`);
        const plan = (
          await safety.post('/api/v1/plans', { unitId: unit === 'k1' ? k1 : k2, template: 'kindergarten' })
        ).json();
        assert.equal((await headOf.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);
      }
      head = await t.signIn('k1.head');
    });
    after(() => t.close());

    it('records a drill; evacuation is measured against the two-minute target', async () => {
      const planned = await head.post('/api/v1/drills', {
        unitId: k1,
        type: 'fire_evacuation',
        plannedDate: '2027-02-20',
        title: '春季消防疏散演练',
      });
      assert.equal(planned.statusCode, 201, planned.body);
      assert.equal(planned.json().unitName, '城关镇中心幼儿园', 'planning answers with the unit named');
      const res = await head.post(`/api/v1/drills/${planned.json().id}/record`, {
        startedAt: '2027-02-20T01:30:00.000Z',
        endedAt: '2027-02-20T01:45:00.000Z',
        participants: 186,
        evacuationSeconds: 105,
        evaluation: '疏散有序，小班速度偏慢',
        problems: ['二楼东侧楼梯照明不足'],
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().evacuationOnTarget, true);
      assert.equal(res.json().unitName, '城关镇中心幼儿园', 'recording answers with the unit named');
      assert.deepEqual(res.json().problems, ['二楼东侧楼梯照明不足']);
      const one = await head.get(`/api/v1/drills/${planned.json().id}`);
      assert.equal(one.statusCode, 200);
      assert.deepEqual(
        [one.json().status, one.json().unitName, one.json().evacuationSeconds],
        ['done', '城关镇中心幼儿园', 105],
      );
      const other = await t.signIn('k2.head');
      assert.equal(
        (await other.get(`/api/v1/drills/${planned.json().id}`)).statusCode,
        404,
        'another kindergarten does not see it',
      );
    });

    it('a drill ending before it starts, or in the future, is refused and nothing changes', async () => {
      const planned = (
        await head.post('/api/v1/drills', {
          unitId: k1,
          type: 'earthquake',
          plannedDate: '2027-02-21',
          title: '地震避险演练',
        })
      ).json();
      const backwards = await head.post(
        `/api/v1/drills/${planned.id}/record`,
        {
          startedAt: '2027-02-20T01:30:00.000Z',
          endedAt: '2027-02-20T01:00:00.000Z',
          participants: 10,
          evaluation: '—',
        },
        { 'accept-language': 'en' },
      );
      assert.equal(backwards.statusCode, 422);
      assert.equal(backwards.json().errors[0].field, 'endedAt');
      const future = await head.post(`/api/v1/drills/${planned.id}/record`, {
        startedAt: '2027-02-21T01:00:00.000Z',
        endedAt: '2027-02-21T01:30:00.000Z',
        participants: 10,
        evaluation: '—',
      });
      assert.equal(future.statusCode, 422);
      const row = await t.c.db
        .selectFrom('drills')
        .select('status')
        .where('id', '=', planned.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'planned');
    });

    it('a kindergarten with no drill this quarter shows overdue; one that drilled is on schedule', async () => {
      clock.set(new Date(T0.getTime() + 60 * DAY));
      head = await t.signIn('k1.head');
      const again = (
        await head.post('/api/v1/drills', {
          unitId: k1,
          type: 'fire_evacuation',
          plannedDate: '2027-04-21',
          title: '第二次消防疏散演练',
        })
      ).json();
      const startedAt = new Date(clock.now().getTime() - 3600_000).toISOString();
      const endedAt = new Date(clock.now().getTime() - 1800_000).toISOString();
      assert.equal(
        (
          await head.post(`/api/v1/drills/${again.id}/record`, {
            startedAt,
            endedAt,
            participants: 180,
            evacuationSeconds: 150,
            evaluation: '超时，需加强',
          })
        ).json().evacuationOnTarget,
        false,
      );
      clock.set(new Date(T0.getTime() + 100 * DAY));
      const supervisor = await t.signIn('cs1.head');
      const { units } = (await supervisor.get('/api/v1/drills/compliance')).json();
      const byName = Object.fromEntries(units.map((u: { unitName: string }) => [u.unitName, u]));
      const idle = byName['城关镇阳光幼儿园'];
      assert.equal(idle.state, 'overdue');
      assert.equal(idle.types.find((x: { type: string }) => x.type === 'fire_evacuation').state, 'overdue');
      const active = byName['城关镇中心幼儿园'];
      assert.equal(active.types.find((x: { type: string }) => x.type === 'fire_evacuation').state, 'on_schedule');
      assert.equal(byName['城关镇第一小学'].state, 'not_required', 'no plan, no requirement');
      const outsider = await t.signIn('s1.safety');
      const theirs = (await outsider.get('/api/v1/drills/compliance'))
        .json()
        .units.map((u: { unitName: string }) => u.unitName);
      assert.deepEqual(theirs, ['城关镇第一小学']);
    });
  });
}
