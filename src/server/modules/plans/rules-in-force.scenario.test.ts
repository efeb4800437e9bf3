import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { PlanContent } from '../../../common/schemas/plan-content.js';
import { coveringWindow, stricter } from './rules-in-force.js';

/*
 * A special period with a 15:00 daily report turns the requirement on at its first local midnight
 * and off at the midnight after its last day, in each unit's own time zone.
 */
for (const dialect of dialectsUnderTest()) {
  describe(`special periods in force (${dialect})`, () => {
    let t: TestApp;
    let k1: string;
    let s4: string;
    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      s4 = await unitIdByName(t, '石桥镇中心小学');
      const admin = await t.signIn('admin');
      // A school abroad: the same period begins at its own midnight.
      assert.equal((await admin.patch(`/api/v1/units/${s4}`, { timeZone: 'Europe/Berlin' })).statusCode, 200);
      const head = await t.signIn('k1.head');
      const plan = (
        await head.post('/api/v1/plans', {
          unitId: k1,
          template: 'special_period',
          period: { name: '期末考试周', startDate: '2027-01-10', endDate: '2027-01-12' },
        })
      ).json();
      assert.equal(plan.content.dailyReport.required, true);
      assert.equal(plan.content.dailyReport.deadline, '15:00');
      assert.equal((await head.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);

      const bureauHead = await t.signIn('bureau.head');
      const bureau = await unitIdByName(t, '青山县教育局');
      const holiday = (
        await bureauHead.post('/api/v1/plans', {
          unitId: bureau,
          template: 'special_period',
          period: { name: '春节', startDate: '2027-02-06', endDate: '2027-02-13' },
        })
      ).json();
      // The bureau has no parent to report to: its own chain stays inside it.
      const reportingChain = [
        { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
        { kind: 'notify', target: 'unit', role: 'safety_officer', deadlineMinutes: 30, note: '' },
      ];
      const edited = await bureauHead.patch(`/api/v1/plans/${holiday.planId}/draft`, {
        coversSubUnits: true,
        content: { ...holiday.content, reportingChain },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const published = await bureauHead.post(`/api/v1/plans/${holiday.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);
    });
    after(() => t.close());

    const required = async (unitId: string, at: string) => {
      const rules = await t.c.planRules.forUnit(unitId, new Date(at));
      return rules.rules.dailyReport.required ? rules.rules.dailyReport.deadline : 'not required';
    };

    it('turns on at local midnight of the first day in Asia/Shanghai', async () => {
      assert.equal(await required(k1, '2027-01-09T15:59:59.999Z'), 'not required');
      assert.equal(await required(k1, '2027-01-09T16:00:00.000Z'), '15:00');
    });

    it('stays on across midnight inside the period', async () => {
      assert.equal(await required(k1, '2027-01-10T15:59:59.000Z'), '15:00');
      assert.equal(await required(k1, '2027-01-10T16:00:01.000Z'), '15:00');
    });

    it('turns off after the last day ends, not at its start', async () => {
      assert.equal(await required(k1, '2027-01-12T00:00:00.000Z'), '15:00');
      assert.equal(await required(k1, '2027-01-12T15:59:59.999Z'), '15:00');
      assert.equal(await required(k1, '2027-01-12T16:00:00.000Z'), 'not required');
    });

    it('a supervisor’s period reaches the units below it, each at its own midnight', async () => {
      assert.equal(await required(k1, '2027-02-05T16:00:00.000Z'), '15:00');
      assert.equal(await required(s4, '2027-02-05T16:00:00.000Z'), 'not required', 'still 5 February in Berlin');
      assert.equal(await required(s4, '2027-02-05T23:00:00.000Z'), '15:00');
      assert.equal(await required(s4, '2027-02-13T22:59:59.000Z'), '15:00');
      assert.equal(await required(s4, '2027-02-13T23:00:00.000Z'), 'not required');
      const rules = await t.c.planRules.forUnit(s4, new Date('2027-02-08T12:00:00Z'));
      assert.deepEqual(
        rules.specialPeriods.map((p) => [p.name, p.endsAt]),
        [['春节', '2027-02-13T23:00:00.000Z']],
      );
      assert.equal(rules.rules.leaveApprovalRequired, true);
    });

    it('the units outside the supervisor’s tree are untouched', async () => {
      const community = await unitIdByName(t, '东门社区');
      assert.equal(await required(community, '2027-02-08T04:00:00.000Z'), 'not required');
    });
  });
}

/*
 * A special period over a published standing plan: the standing plan asks for a daily report by
 * 17:00 and one unannounced patrol a night in 22:00–06:00; the exam week asks for 15:00 and three,
 * in 20:00–05:00. During the week the stricter of each holds; before and after, the standing plan.
 */
for (const dialect of dialectsUnderTest()) {
  describe(`a special period over a published standing plan (${dialect})`, () => {
    let t: TestApp;
    let s2: string;
    let standingId: string;
    let specialId: string;
    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      s2 = await unitIdByName(t, '城关镇第二小学');
      const head = await t.signIn('s2.head');
      const publish = async (body: object, change: (content: any) => void) => {
        const plan = (await head.post('/api/v1/plans', { unitId: s2, ...body })).json();
        const content = structuredClone(plan.content);
        change(content);
        assert.equal((await head.patch(`/api/v1/plans/${plan.planId}/draft`, { content })).statusCode, 200);
        const published = await head.post(`/api/v1/plans/${plan.planId}/publish`);
        assert.equal(published.statusCode, 200, published.body);
        return plan.planId as string;
      };
      standingId = await publish({ template: 'school' }, (c) => {
        c.dailyReport = { required: true, deadline: '17:00' };
        c.duty.patrolWindow = { start: '22:00', end: '06:00' };
        c.duty.minUnannouncedPatrols = 1;
        c.duty.minPatrolsPerDay = 3;
        c.drills = [
          { type: 'fire_evacuation', perTerm: 4 },
          { type: 'earthquake', perTerm: 1 },
        ];
      });
      specialId = await publish(
        { template: 'special_period', period: { name: '中考', startDate: '2027-03-08', endDate: '2027-03-10' } },
        (c) => {
          c.dailyReport = { required: true, deadline: '15:00' };
          c.duty.patrolWindow = { start: '20:00', end: '05:00' };
          c.duty.minUnannouncedPatrols = 3;
          c.duty.minPatrolsPerDay = 2;
          c.drills = [
            { type: 'fire_evacuation', perTerm: 6 },
            { type: 'lockdown', perTerm: 2 },
          ];
        },
      );
    });
    after(() => t.close());

    const at = async (moment: string) => {
      const found = await t.c.planRules.forUnit(s2, new Date(moment));
      const { dailyReport, duty, drills } = found.rules;
      return {
        standing: found.standing?.planId,
        periods: found.specialPeriods.map((p) => p.planId),
        daily: dailyReport.required ? dailyReport.deadline : 'not required',
        unannounced: duty.minUnannouncedPatrols,
        perDay: duty.minPatrolsPerDay,
        window: duty.patrolWindow && `${duty.patrolWindow.start}–${duty.patrolWindow.end}`,
        drills: drills.map((d) => `${d.type}×${d.perTerm}`),
      };
    };
    const standingRules = {
      daily: '17:00',
      unannounced: 1,
      perDay: 3,
      window: '22:00–06:00',
      drills: ['fire_evacuation×4', 'earthquake×1'],
    };

    it('before the period: the standing plan’s rules', async () => {
      assert.deepEqual(await at('2027-03-07T15:59:59.999Z'), { standing: standingId, periods: [], ...standingRules });
    });

    const localMidnightFirstDay =
      'from local midnight of the first day: the earlier deadline, the larger counts, a window covering both';
    it(localMidnightFirstDay, async () => {
      const during = {
        standing: standingId,
        periods: [specialId],
        daily: '15:00',
        unannounced: 3,
        perDay: 3,
        window: '20:00–06:00',
        // Drills are counted per term: a period of days leaves them as the standing plan sets them.
        drills: ['fire_evacuation×4', 'earthquake×1'],
      };
      assert.deepEqual(await at('2027-03-07T16:00:00.000Z'), during);
      assert.deepEqual(await at('2027-03-09T13:00:00.000Z'), during, '21:00 local on the middle night');
      assert.deepEqual(await at('2027-03-10T15:59:59.999Z'), during);
    });

    it('after the last day: the standing plan’s rules again', async () => {
      assert.deepEqual(await at('2027-03-10T16:00:00.000Z'), { standing: standingId, periods: [], ...standingRules });
    });
  });
}

describe('what a special period can change', () => {
  const base = PlanContent.parse({
    dailyReport: { required: true, deadline: '17:00' },
    duty: { patrolWindow: { start: '22:00', end: '06:00' }, minUnannouncedPatrols: 2 },
  });

  it('never loosens: a later deadline, a smaller count, no report or no window leave the standing rules', () => {
    const looser = PlanContent.parse({
      dailyReport: { required: false, deadline: '18:00' },
      duty: { twentyFourHour: false, dutyLeaderRequired: false, patrolWindow: null, minUnannouncedPatrols: 0 },
    });
    const rules = stricter(base, looser, true);
    assert.deepEqual(rules.dailyReport, { required: true, deadline: '17:00' });
    assert.deepEqual(rules.duty.patrolWindow, { start: '22:00', end: '06:00' });
    assert.equal(rules.duty.minUnannouncedPatrols, 2);
    assert.equal(rules.duty.twentyFourHour, true);
    assert.equal(rules.duty.dutyLeaderRequired, true);
    const later = stricter(base, PlanContent.parse({ dailyReport: { required: true, deadline: '18:00' } }), true);
    assert.deepEqual(later.dailyReport, { required: true, deadline: '17:00' });
  });

  it('patrols cover both windows: the shortest window holding each', () => {
    const w = (start: string, end: string) => ({ start, end });
    assert.deepEqual(coveringWindow(w('22:00', '06:00'), w('20:00', '05:00')), w('20:00', '06:00'));
    assert.deepEqual(
      coveringWindow(w('22:00', '06:00'), w('01:00', '05:00')),
      w('22:00', '06:00'),
      'inside the night: no wider',
    );
    assert.deepEqual(coveringWindow(w('23:00', '01:00'), w('03:00', '05:00')), w('23:00', '05:00'));
    assert.deepEqual(coveringWindow(w('08:00', '12:00'), w('14:00', '18:00')), w('08:00', '18:00'));
    assert.deepEqual(
      coveringWindow(w('06:00', '05:00'), w('04:00', '07:00')),
      w('06:00', '06:00'),
      'all day: an end at the start',
    );
    assert.deepEqual(coveringWindow(null, w('22:00', '06:00')), w('22:00', '06:00'));
    assert.equal(coveringWindow(null, null), null);
  });
});
