import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';

for (const dialect of dialectsUnderTest()) {
  describe(`plans over HTTP (${dialect})`, () => {
    let t: TestApp;
    let head: Client;
    let safety: Client;
    let k1: string;
    let planId: string;

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      head = await t.signIn('k1.head');
      safety = await t.signIn('k1.safety');
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
    });
    after(() => t.close());

    const statusOf = async (version: number) =>
      (await t.c.db.selectFrom('plan_versions').select('status').where('plan_id', '=', planId).where('version', '=', version).executeTakeFirstOrThrow()).status;
    const draft = async () => (await head.get(`/api/v1/plans/${planId}`)).json();
    const setContent = async (change: (content: any) => void) => {
      const content = structuredClone((await draft()).content);
      change(content);
      const res = await safety.patch(`/api/v1/plans/${planId}/draft`, { content });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    it('creates a kindergarten plan from the template, filled from the unit’s people', async () => {
      const res = await safety.post('/api/v1/plans', { unitId: k1, template: 'kindergarten' });
      assert.equal(res.statusCode, 201, res.body);
      const plan = res.json();
      planId = plan.planId;
      assert.equal(plan.status, 'draft');
      assert.equal(plan.version, 1);
      assert.match(plan.title, /^城关镇中心幼儿园/);
      assert.equal(plan.content.leadership.leaderId, head.me.personId);
      assert.equal(plan.content.leadership.officeContactId, safety.me.personId);
      assert.ok(plan.people.some((p: { id: string }) => p.id === head.me.personId));
      const chain = plan.content.reportingChain.map((s: { target: string; role: string; deadlineMinutes: number }) => [s.target, s.role, s.deadlineMinutes]);
      assert.deepEqual(chain[0], ['unit', 'accountable_head', 10]);
      assert.deepEqual(chain.at(-1), ['parent', 'supervisor', 120]);
    });

    it('refuses to publish when the chain deadlines do not increase, and publishes nothing', async () => {
      await setContent((c) => {
        c.reportingChain = [
          { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
          { kind: 'report', target: 'parent', role: 'supervisor', deadlineMinutes: 10, note: '' },
        ];
      });
      const res = await head.post(`/api/v1/plans/${planId}/publish`, {}, { 'accept-language': 'en' });
      assert.equal(res.statusCode, 422);
      assert.deepEqual(res.json().errors, [{
        field: 'content.reportingChain.1.deadlineMinutes',
        message: 'deadline (minutes) step 2’s deadline (10 minutes) must be later than the step before (10 minutes)',
      }]);
      assert.equal(await statusOf(1), 'draft');
    });

    it('refuses a chain role that nobody holds, and a missing leader, naming each', async () => {
      await setContent((c) => {
        c.reportingChain = [
          { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
          { kind: 'report', target: 'parent', role: 'gatekeeper', deadlineMinutes: 120, note: '' },
        ];
        c.leadership.leaderId = null;
      });
      const res = await head.post(`/api/v1/plans/${planId}/publish`);
      assert.equal(res.statusCode, 422);
      const byField = Object.fromEntries(res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
      assert.equal(byField['content.reportingChain.1.role'], '角色：第 2 步：上级单位没有人担任“门卫”');
      assert.equal(byField['content.leadership.leaderId'], '组长：领导小组须有组长');
      assert.equal(await statusOf(1), 'draft');
    });

    it('only the accountable head publishes; then the plan is in force', async () => {
      await setContent((c) => {
        c.reportingChain = [
          { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
          { kind: 'report', target: 'parent', role: 'supervisor', deadlineMinutes: 120, note: '' },
        ];
        c.leadership.leaderId = head.me.personId;
      });
      assert.equal((await safety.post(`/api/v1/plans/${planId}/publish`)).statusCode, 403);
      const res = await head.post(`/api/v1/plans/${planId}/publish`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'published');
      assert.equal(res.json().approvedBy.id, head.me.personId);
      const rules = (await safety.get(`/api/v1/units/${k1}/rules`)).json();
      assert.equal(rules.standingPlan.planId, planId);
      assert.equal(rules.dutyLeaderRequired, true);
      const listed = (await safety.get(`/api/v1/plans?unitId=${k1}`)).json();
      assert.equal(listed.items[0].inForce, true);
      assert.equal(listed.items[0].publishedVersion, 1);
    });

    it('a revision is a new draft; publishing it supersedes the old version; the diff reads', async () => {
      assert.equal((await safety.patch(`/api/v1/plans/${planId}/draft`, { title: '改' })).statusCode, 409);
      const revision = await safety.post(`/api/v1/plans/${planId}/revisions`);
      assert.equal(revision.json().version, 2);
      await setContent((c) => {
        c.reportingChain[0].deadlineMinutes = 5;
      });
      const diff = (await safety.get(`/api/v1/plans/${planId}/diff?from=1&to=2`, { 'accept-language': 'en' })).json();
      assert.deepEqual(diff.changes, [{ path: 'reportingChain.0.deadlineMinutes', label: 'Reporting chain · item 1 · deadlineMinutes', before: '10', after: '5' }]);
      assert.equal((await head.post(`/api/v1/plans/${planId}/publish`)).statusCode, 200);
      assert.equal(await statusOf(1), 'superseded');
      assert.equal(await statusOf(2), 'published');
      const v1 = (await safety.get(`/api/v1/plans/${planId}/versions/1`)).json();
      assert.equal(v1.content.reportingChain[0].deadlineMinutes, 10);
      const trail = await t.c.db.selectFrom('audit_log').select('action').where('entity_id', '=', planId).orderBy('seq').execute();
      assert.deepEqual([...new Set(trail.map((e) => e.action))], ['plan.create', 'plan.edit', 'plan.publish', 'plan.revise']);
    });

    it('a special period without an end cannot be published', async () => {
      const created = await head.post('/api/v1/plans', { unitId: k1, template: 'special_period', period: { name: '寒假', startDate: '2027-01-20', endDate: null } });
      assert.equal(created.statusCode, 201, created.body);
      const res = await head.post(`/api/v1/plans/${created.json().planId}/publish`);
      assert.equal(res.statusCode, 422);
      assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field), ['period.endDate']);
      const missing = await head.post('/api/v1/plans', { unitId: k1, template: 'special_period' });
      assert.equal(missing.statusCode, 422);
    });

    it('another school cannot see or start plans here', async () => {
      const other = await t.signIn('s1.safety');
      assert.equal((await other.get(`/api/v1/plans/${planId}`)).statusCode, 404);
      assert.equal((await other.post('/api/v1/plans', { unitId: k1, template: 'kindergarten' })).statusCode, 404);
      assert.equal((await other.get(`/api/v1/units/${k1}/rules`)).statusCode, 404);
      assert.equal((await other.get('/api/v1/plans')).json().total, 0);
    });

    it('bad content is refused by field, and the draft is unchanged', async () => {
      const before = await draft();
      const res = await safety.patch(`/api/v1/plans/${planId}/draft`, {
        content: { ...before.content, dailyReport: { required: true, deadline: '25:00' }, reportingChain: [{ kind: 'call', target: 'unit', role: 'accountable_head', deadlineMinutes: 0 }] },
      });
      assert.equal(res.statusCode, 400);
      const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
      assert.deepEqual(fields, ['content.dailyReport.deadline', 'content.reportingChain.0.deadlineMinutes', 'content.reportingChain.0.kind']);
      assert.deepEqual((await draft()).content, before.content);
    });
  });
}
