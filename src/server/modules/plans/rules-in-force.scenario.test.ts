import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';

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
      const plan = (await head.post('/api/v1/plans', { unitId: k1, template: 'special_period', period: { name: '期末考试周', startDate: '2027-01-10', endDate: '2027-01-12' } })).json();
      assert.equal(plan.content.dailyReport.required, true);
      assert.equal(plan.content.dailyReport.deadline, '15:00');
      assert.equal((await head.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);

      const bureauHead = await t.signIn('bureau.head');
      const bureau = await unitIdByName(t, '青山县教育局');
      const holiday = (await bureauHead.post('/api/v1/plans', { unitId: bureau, template: 'special_period', period: { name: '春节', startDate: '2027-02-06', endDate: '2027-02-13' } })).json();
      // The bureau has no parent to report to: its own chain stays inside it.
      const reportingChain = [
        { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
        { kind: 'notify', target: 'unit', role: 'safety_officer', deadlineMinutes: 30, note: '' },
      ];
      const edited = await bureauHead.patch(`/api/v1/plans/${holiday.planId}/draft`, { coversSubUnits: true, content: { ...holiday.content, reportingChain } });
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
      assert.deepEqual(rules.specialPeriods.map((p) => [p.name, p.endsAt]), [['春节', '2027-02-13T23:00:00.000Z']]);
      assert.equal(rules.rules.leaveApprovalRequired, true);
    });

    it('the units outside the supervisor’s tree are untouched', async () => {
      const community = await unitIdByName(t, '东门社区');
      assert.equal(await required(community, '2027-02-08T04:00:00.000Z'), 'not required');
    });
  });
}
