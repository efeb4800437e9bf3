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
      (
        await t.c.db
          .selectFrom('plan_versions')
          .select('status')
          .where('plan_id', '=', planId)
          .where('version', '=', version)
          .executeTakeFirstOrThrow()
      ).status;
    const draft = async () => (await head.get(`/api/v1/plans/${planId}`)).json();
    const rulesAt = async (at?: string) =>
      (await safety.get(`/api/v1/units/${k1}/rules${at ? `?at=${at}` : ''}`)).json();
    const listed = async () =>
      (await safety.get(`/api/v1/plans?unitId=${k1}`)).json().items as {
        id: string;
        kind: string;
        inForce: boolean;
        publishedVersion: number | null;
      }[];
    const auditActions = async (entityId: string) =>
      (
        await t.c.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute()
      ).map((e) => e.action);
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
      const chain = plan.content.reportingChain.map((s: { target: string; role: string; deadlineMinutes: number }) => [
        s.target,
        s.role,
        s.deadlineMinutes,
      ]);
      assert.deepEqual(chain[0], ['unit', 'accountable_head', 10]);
      assert.deepEqual(chain.at(-1), ['nearest', 'supervisor', 120]);
    });

    it('lists the 【待填写】 blanks left, section by section, each at its field; filling one removes it', async () => {
      const plan = await draft();
      const written = JSON.stringify(plan.content).match(/【待填写：[^】]*】/g) ?? [];
      assert.ok(written.length > 0, 'the template leaves blanks to fill in');
      const blanks = plan.blanks as { section: string; field: string; text: string }[];
      assert.deepEqual(
        blanks.map((b) => b.text).sort(),
        [...written].sort(),
        'every blank written in the content, and only those',
      );
      const at = (field: string) =>
        field
          .split('.')
          .slice(1)
          .reduce((v: any, k) => v?.[k], plan.content) as string;
      for (const b of blanks) assert.ok(at(b.field).includes(b.text), `${b.field} holds ${b.text}`);
      for (const b of blanks.filter((x) => x.field.startsWith('content.procedures.')))
        assert.equal(b.section, 'procedures');
      for (const b of blanks.filter((x) => x.field.startsWith('content.duties.'))) assert.equal(b.section, 'duties');
      const order = ['general', 'leadership', 'duties', 'chain', 'reportStages', 'procedures'];
      assert.deepEqual(
        blanks.map((b) => order.indexOf(b.section)),
        [...blanks.map((b) => order.indexOf(b.section))].sort((a, b) => a - b),
        'in the editor’s section order',
      );

      const office = blanks.find((b) => b.section === 'duties')!;
      const after = await setContent((c) => {
        const path = office.field.split('.').slice(1);
        const holder = path.slice(0, -1).reduce((v: any, k) => v[k], c);
        holder[path.at(-1)!] = (holder[path.at(-1)!] as string).replace(office.text, '0571-88886666');
      });
      assert.equal(after.blanks.length, blanks.length - 1);
      assert.ok(
        !after.blanks.some((b: { field: string; text: string }) => b.field === office.field && b.text === office.text),
      );
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
      assert.deepEqual(res.json().errors, [
        {
          field: 'content.reportingChain.1.deadlineMinutes',
          message: 'deadline (minutes) step 2’s deadline (10 minutes) must be later than the step before (10 minutes)',
        },
      ]);
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
      const byField = Object.fromEntries(
        res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      );
      assert.equal(byField['content.reportingChain.1.role'], '角色：第 2 步：上级单位没有人担任“门卫”');
      assert.equal(byField['content.leadership.leaderId'], '组长：领导小组须有组长');
      assert.equal(await statusOf(1), 'draft');
    });

    const refusesChainRoleNobody =
      'refuses a chain role nobody holds in this unit, an office without ' +
      'a contact and a deputy from elsewhere; nothing is published';
    it(refusesChainRoleNobody, async () => {
      const stranger = await t.signIn('s1.safety');
      await setContent((c) => {
        c.reportingChain = [
          { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
          { kind: 'notify', target: 'unit', role: 'supervisor', deadlineMinutes: 30, note: '' },
          { kind: 'report', target: 'parent', role: 'supervisor', deadlineMinutes: 120, note: '' },
        ];
        c.leadership.leaderId = head.me.personId;
        c.leadership.officeContactId = null;
        c.leadership.deputyIds = [stranger.me.personId];
      });
      const res = await head.post(`/api/v1/plans/${planId}/publish`);
      assert.equal(res.statusCode, 422);
      const byField = Object.fromEntries(
        res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      );
      assert.deepEqual(byField, {
        'content.reportingChain.1.role': '角色：第 2 步：本单位没有人担任“督导人员”',
        'content.leadership.officeContactId': '办公室联系人：领导小组办公室须有联系人',
        'content.leadership.deputyIds.0': '副组长：此人不属于本单位',
      });
      assert.equal(await statusOf(1), 'draft');
      assert.equal((await rulesAt()).standingPlan, null);
      assert.deepEqual(
        (await listed()).map((p) => [p.inForce, p.publishedVersion]),
        [[false, null]],
      );
      assert.ok(!(await auditActions(planId)).includes('plan.publish'));
      await setContent((c) => {
        c.leadership.officeContactId = safety.me.personId;
        c.leadership.deputyIds = [];
      });
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
      const left = (await draft()).blanks.length;
      const res = await head.post(`/api/v1/plans/${planId}/publish`, {}, { 'accept-language': 'en' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'published');
      assert.equal(res.json().approvedBy.id, head.me.personId);
      // Blanks left do not stop the head; the answer lists them and says how many remain.
      assert.equal(res.json().blanks.length, left);
      assert.ok(
        res
          .json()
          .notices.some(
            (n: { message: string }) =>
              n.message ===
              `Published, but ${left} [To fill in] blanks are left: start a revision and fill them in soon.`,
          ),
        res.body,
      );
      const docx = await safety.get(`/api/v1/plans/${planId}/versions/1/document.docx`);
      assert.equal(docx.statusCode, 200);
      assert.equal(
        docx.headers['x-steady-plan-blanks'],
        String(left),
        'the export says how many blanks it still prints',
      );
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
        c.reportingChain[1].role = 'accountable_head';
        c.leadership.deputyIds = [safety.me.personId];
        c.duty.patrolWindow = { start: '21:00', end: '06:00' };
      });
      const safetyName = (await draft()).people.find((p: { id: string }) => p.id === safety.me.personId).name;
      // Labelled in words, values as people write them, in the reader's language: no field names, codes or ids.
      const zh = (await safety.get(`/api/v1/plans/${planId}/diff?from=1&to=2`)).json();
      assert.deepEqual(zh.changes, [
        { path: 'leadership.deputyIds', label: '领导小组 · 副组长', before: '', after: safetyName },
        {
          path: 'reportingChain.0.deadlineMinutes',
          label: '报告链 · 第 1 步 · 时限',
          before: '10分钟',
          after: '5分钟',
        },
        { path: 'reportingChain.1.role', label: '报告链 · 第 2 步 · 角色', before: '督导人员', after: '第一责任人' },
        { path: 'duty.patrolWindow', label: '值班要求 · 夜间巡查时段', before: '22:00–06:00', after: '21:00–06:00' },
      ]);
      const en = (await safety.get(`/api/v1/plans/${planId}/diff?from=1&to=2`, { 'accept-language': 'en' })).json();
      assert.deepEqual(
        en.changes.find((c: { path: string }) => c.path === 'reportingChain.0.deadlineMinutes'),
        {
          path: 'reportingChain.0.deadlineMinutes',
          label: 'Reporting chain · step 1 · deadline',
          before: '10 minutes',
          after: '5 minutes',
        },
      );
      assert.deepEqual(
        en.changes.find((c: { path: string }) => c.path === 'reportingChain.1.role').before,
        'supervisor',
      );
      assert.equal((await head.post(`/api/v1/plans/${planId}/publish`)).statusCode, 200);
      assert.equal(await statusOf(1), 'superseded');
      assert.equal(await statusOf(2), 'published');
      const v1 = (await safety.get(`/api/v1/plans/${planId}/versions/1`)).json();
      assert.equal(v1.content.reportingChain[0].deadlineMinutes, 10);
      assert.deepEqual(
        [...new Set(await auditActions(planId))],
        ['plan.create', 'plan.edit', 'plan.publish', 'plan.revise'],
      );
    });

    const specialPeriodWithoutEnd =
      'a special period without an end cannot be published: it stays a draft and the rules in force do not change';
    it(specialPeriodWithoutEnd, async () => {
      const created = await head.post('/api/v1/plans', {
        unitId: k1,
        template: 'special_period',
        period: { name: '寒假', startDate: '2027-01-20', endDate: null },
      });
      assert.equal(created.statusCode, 201, created.body);
      const holiday = created.json().planId;
      const during = '2027-01-25T04:00:00.000Z';
      const before = await rulesAt(during);
      assert.equal(before.standingPlan.planId, planId);
      assert.equal(before.dailyReport.required, false);
      const res = await head.post(`/api/v1/plans/${holiday}/publish`);
      assert.equal(res.statusCode, 422);
      assert.deepEqual(
        res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
        [['period.endDate', '结束日期：特殊时期须有结束日期']],
      );
      const after = (await head.get(`/api/v1/plans/${holiday}`)).json();
      assert.equal(after.status, 'draft');
      assert.equal(after.publishedAt, null);
      assert.deepEqual(await rulesAt(during), before);
      assert.deepEqual((await rulesAt(during)).specialPeriods, []);
      assert.equal((await listed()).find((p) => p.id === holiday)!.publishedVersion, null);
      assert.ok(!(await auditActions(holiday)).includes('plan.publish'));
      const missing = await head.post('/api/v1/plans', { unitId: k1, template: 'special_period' });
      assert.equal(missing.statusCode, 422);
    });

    it('publishing another standing plan supersedes the one in force, in the same step and on the trail', async () => {
      const b = (await safety.post('/api/v1/plans', { unitId: k1, template: 'kindergarten' })).json();
      const edited = await safety.patch(`/api/v1/plans/${b.planId}/draft`, {
        content: { ...b.content, dailyReport: { required: true, deadline: '16:30' } },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal((await rulesAt()).standingPlan.planId, planId, 'a draft changes nothing');
      const published = await head.post(`/api/v1/plans/${b.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);

      assert.equal(await statusOf(2), 'superseded');
      const inForce = (await listed()).filter((p) => p.kind === 'standing' && p.inForce).map((p) => p.id);
      assert.deepEqual(inForce, [b.planId]);
      assert.equal(
        (await listed()).find((p) => p.id === planId)!.publishedVersion,
        2,
        'the replaced plan still says which version it last published',
      );
      const rules = await rulesAt();
      assert.deepEqual(rules.standingPlan, { planId: b.planId, version: 1, title: b.title });
      assert.deepEqual(rules.dailyReport, { required: true, deadline: '16:30' });
      assert.equal((await t.c.planRules.forUnit(k1, new Date())).standing!.planId, b.planId);
      const entry = await t.c.db
        .selectFrom('audit_log')
        .select(['action', 'after_json'])
        .where('entity_id', '=', planId)
        .where('action', '=', 'plan.supersede')
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(entry.after_json!), {
        version: 2,
        status: 'superseded',
        supersededBy: { planId: b.planId, version: 1 },
      });

      // And back: a new version of the first plan supersedes the second.
      assert.equal((await safety.post(`/api/v1/plans/${planId}/revisions`)).statusCode, 200);
      assert.equal((await head.post(`/api/v1/plans/${planId}/publish`)).statusCode, 200);
      assert.deepEqual(
        (await listed()).filter((p) => p.kind === 'standing' && p.inForce).map((p) => p.id),
        [planId],
      );
      assert.equal((await rulesAt()).standingPlan.version, 3);
      assert.equal((await rulesAt()).dailyReport.required, false);
      const versions = await t.c.db
        .selectFrom('plan_versions')
        .select('status')
        .where('plan_id', '=', b.planId)
        .execute();
      assert.deepEqual(
        versions.map((v) => v.status),
        ['superseded'],
      );
    });

    const duringSpecialPeriodUnit =
      'during a special period the unit’s rules name it and its end; the standing plan stays in force beside it';
    it(duringSpecialPeriodUnit, async () => {
      const created = (
        await head.post('/api/v1/plans', {
          unitId: k1,
          template: 'special_period',
          period: { name: '期中考试周', startDate: '2027-04-19', endDate: '2027-04-23' },
        })
      ).json();
      const published = await head.post(`/api/v1/plans/${created.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);
      const during = await rulesAt('2027-04-21T02:00:00.000Z');
      assert.equal(during.standingPlan.planId, planId);
      assert.deepEqual(during.specialPeriods, [
        {
          planId: created.planId,
          unitId: k1,
          title: created.title,
          name: '期中考试周',
          startsAt: '2027-04-18T16:00:00.000Z',
          endsAt: '2027-04-23T16:00:00.000Z',
        },
      ]);
      assert.deepEqual(during.dailyReport, { required: true, deadline: '15:00' });
      const afterwards = await rulesAt('2027-04-23T16:00:00.000Z');
      assert.deepEqual(afterwards.specialPeriods, []);
      assert.equal(afterwards.dailyReport.required, false);
      assert.equal(
        (await listed()).find((p) => p.id === planId)!.inForce,
        true,
        'a special period supersedes no standing plan',
      );
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
        content: {
          ...before.content,
          dailyReport: { required: true, deadline: '25:00' },
          reportingChain: [{ kind: 'call', target: 'unit', role: 'accountable_head', deadlineMinutes: 0 }],
        },
      });
      assert.equal(res.statusCode, 400);
      const fields = res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort();
      assert.deepEqual(fields, [
        'content.dailyReport.deadline',
        'content.reportingChain.0.deadlineMinutes',
        'content.reportingChain.0.kind',
      ]);
      assert.deepEqual((await draft()).content, before.content);
    });

    const patchDraftChangesOnly =
      'a PATCH of the draft changes only what it names; nothing written is lost by a request that did not mention it';
    it(patchDraftChangesOnly, async () => {
      const k2Safety = await t.signIn('k2.safety');
      const k2 = await unitIdByName(t, '城关镇阳光幼儿园');
      const created = await k2Safety.post('/api/v1/plans', { unitId: k2, template: 'kindergarten' });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().planId;
      const read = async () => (await k2Safety.get(`/api/v1/plans/${id}`)).json();
      const start = await read();
      assert.ok(
        start.content.purpose.length > 0 &&
          start.content.procedures.length > 0 &&
          start.content.reportingChain.length > 0,
      );
      assert.ok(start.content.leadership.leaderId, 'the template fills the leader from the unit');

      const titled = await k2Safety.patch(`/api/v1/plans/${id}/draft`, { title: '阳光幼儿园安全应急预案（修订）' });
      assert.equal(titled.statusCode, 200, titled.body);
      assert.deepEqual(titled.json().content, start.content, 'a title alone leaves the content as it was');

      const purpose = await k2Safety.patch(`/api/v1/plans/${id}/draft`, { content: { purpose: '保障幼儿安全。' } });
      assert.equal(purpose.statusCode, 200, purpose.body);
      assert.deepEqual(purpose.json().content, { ...start.content, purpose: '保障幼儿安全。' });

      const office = await k2Safety.patch(`/api/v1/plans/${id}/draft`, {
        content: { leadership: { officeName: '园务办公室' }, duty: { minPatrolsPerDay: 5 } },
      });
      assert.equal(office.statusCode, 200, office.body);
      const after = office.json().content;
      assert.equal(after.leadership.officeName, '园务办公室');
      assert.equal(after.leadership.leaderId, start.content.leadership.leaderId, 'the leader stays');
      assert.deepEqual(after.leadership.deputyIds, start.content.leadership.deputyIds);
      assert.equal(after.duty.minPatrolsPerDay, 5);
      assert.deepEqual({ ...after.duty, minPatrolsPerDay: start.content.duty.minPatrolsPerDay }, start.content.duty);
      assert.deepEqual(after.procedures, start.content.procedures);
      assert.deepEqual(after.reportingChain, start.content.reportingChain);
      const stored = await t.c.db
        .selectFrom('plan_versions')
        .select(['content_json', 'title'])
        .where('plan_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(stored.content_json), after);
      assert.equal(stored.title, '阳光幼儿园安全应急预案（修订）');

      const whole = await k2Safety.patch(`/api/v1/plans/${id}/draft`, { content: after });
      assert.equal(whole.statusCode, 200, `every section a GET returns may be sent back whole: ${whole.body}`);
      const stages = await k2Safety.patch(`/api/v1/plans/${id}/draft`, {
        content: { reportStages: { firstMinutes: 45 } },
      });
      assert.equal(stages.statusCode, 200, stages.body);
      assert.deepEqual(
        stages.json().content.reportStages,
        { ...after.reportStages, firstMinutes: 45 },
        'one time limit changes, the others stay',
      );
    });
  });
}
