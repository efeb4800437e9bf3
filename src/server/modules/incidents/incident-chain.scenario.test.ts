import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * The kindergarten plan's chain, fast-forwarded: the witness reports, the head must acknowledge
 * within 10 minutes, the head must file the report to the education authority within 2 hours.
 */
const T0 = new Date('2027-04-12T01:00:00.000Z');

/*
 * These tests follow the chain alone: the staged reports' own deadlines (信息报送, tested in
 * modules/incident-reports) add flags and messages of theirs, which are left out here.
 */
const chainOnly = (incident: any): any => ({
  ...incident,
  flags: incident.flags.filter((f: { detail: { stage?: unknown } | null }) => !f.detail?.stage),
});
const chainMessage = (n: { kind: string }) => !n.kind.startsWith('report.');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

for (const dialect of dialectsUnderTest()) {
  describe(`the reporting chain, fast-forwarded (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let teacher: Client;
    let head: Client;
    let safety: Client;
    let supervisor: Client;
    let k1: string;

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      teacher = await t.signIn('k1.teacher1');
      head = await t.signIn('k1.head');
      safety = await t.signIn('k1.safety');
      supervisor = await t.signIn('cs1.head');
      const plan = (await safety.post('/api/v1/plans', { unitId: k1, template: 'kindergarten' })).json();
      const reportingChain = [
        { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
        { kind: 'report', target: 'parent', role: 'supervisor', deadlineMinutes: 120, note: '' },
      ];
      await safety.patch(`/api/v1/plans/${plan.planId}/draft`, { content: { ...plan.content, reportingChain } });
      assert.equal((await head.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);
    });
    after(() => t.close());

    const report = async (extra: Record<string, unknown> = {}) => {
      const res = await teacher.post('/api/v1/incidents', {
        unitId: k1,
        type: 'fire',
        severity: 3,
        place: '厨房',
        description: '厨房油锅起火，已用灭火毯扑灭',
        ...extra,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const incident = async (id: string, who: Client = head) =>
      chainOnly((await who.get(`/api/v1/incidents/${id}`)).json());
    const at = async (m: number) => {
      clock.set(minutes(m));
      await t.c.engine.tick();
    };
    const inbox = async (who: Client) =>
      (
        (await who.get('/api/v1/notifications?pageSize=100')).json().items as {
          incidentId: string;
          kind: string;
          title: string;
        }[]
      ).filter(chainMessage);

    it('on time: the head acknowledges at minute 7 and files the report at 1 h 50; nothing is late', async () => {
      clock.set(T0);
      const created = await report();
      assert.equal(created.steps[0].state, 'active');
      assert.deepEqual(
        created.steps[0].recipients.map((r: { reason: string }) => r.reason),
        ['holder'],
      );
      const told = (await inbox(head)).filter((n) => n.incidentId === created.id);
      assert.equal(told.length, 1);
      assert.match(told[0]!.title, /城关镇中心幼儿园 · 火灾 · Ⅲ级/);

      await at(7);
      const ack = await head.post(`/api/v1/incidents/${created.id}/steps/${created.steps[0].id}/acknowledge`);
      assert.equal(ack.statusCode, 204, ack.body);
      await at(10);
      let now = await incident(created.id);
      assert.deepEqual(
        now.steps.map((s: { state: string; late: boolean }) => [s.state, s.late]),
        [
          ['done', false],
          ['active', false],
        ],
      );
      assert.equal(now.status, 'acknowledged');
      assert.equal(now.steps[1].mine, true);

      await at(110);
      const filed = await head.post(`/api/v1/incidents/${created.id}/steps/${created.steps[1].id}/report`, {
        text: '火情已扑灭，无人员伤亡。',
      });
      assert.equal(filed.statusCode, 204, filed.body);
      await at(120);
      now = await incident(created.id);
      assert.deepEqual(
        now.steps.map((s: { state: string; late: boolean }) => [s.state, s.late]),
        [
          ['done', false],
          ['done', false],
        ],
      );
      assert.deepEqual(now.flags, []);
      const up = (await inbox(supervisor)).filter((n) => n.incidentId === created.id);
      assert.deepEqual(
        up.map((n) => n.kind),
        ['incident.report'],
      );
      const cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      const board = (await supervisor.get(`/api/v1/incidents?unitId=${cs1}&open=true`)).json();
      assert.ok(
        board.items.some((i: { id: string }) => i.id === created.id),
        'a unit filter on the board covers the units below it',
      );
    });

    it('late: no acknowledgement by minute 10 escalates to the deputy; no report by 2 h tells the parent', async () => {
      clock.set(T0);
      const created = await report();
      await at(9);
      assert.equal((await incident(created.id)).steps[0].late, false);
      await at(10);
      let now = await incident(created.id);
      assert.equal(now.steps[0].late, true);
      assert.deepEqual(
        now.steps[0].recipients.map((r: { name: string; reason: string }) => r.reason),
        ['holder', 'deputy'],
      );
      assert.equal(now.steps[1].state, 'active', 'the chain moves on');
      assert.deepEqual(
        now.flags.map((f: { kind: string }) => f.kind),
        ['late'],
      );
      assert.ok((await inbox(safety)).some((n) => n.incidentId === created.id && n.kind === 'incident.deputy'));

      await at(12);
      assert.equal(
        (await safety.post(`/api/v1/incidents/${created.id}/steps/${created.steps[0].id}/acknowledge`)).statusCode,
        204,
      );
      now = await incident(created.id);
      assert.deepEqual([now.steps[0].state, now.steps[0].late], ['done', true], 'acknowledged late stays late');

      await at(119);
      assert.ok(!(await inbox(supervisor)).some((n) => n.incidentId === created.id));
      await at(120);
      now = await incident(created.id);
      assert.equal(now.steps[1].late, true);
      assert.deepEqual(
        now.flags.map((f: { kind: string }) => f.kind),
        ['late', 'late'],
      );
      assert.deepEqual(
        (await inbox(supervisor)).filter((n) => n.incidentId === created.id).map((n) => n.kind),
        ['incident.parent'],
      );
      const kinds = now.events.map((e: { kind: string }) => e.kind);
      assert.deepEqual(
        kinds.filter((k: string) => k.startsWith('step.')),
        ['step.activated', 'step.late', 'step.escalated', 'step.activated', 'step.acknowledged', 'step.late'],
      );
    });

    it('only the people a step told may acknowledge it, and each deadline fires once', async () => {
      clock.set(T0);
      const created = await report();
      const res = await teacher.post(
        `/api/v1/incidents/${created.id}/steps/${created.steps[0].id}/acknowledge`,
        {},
        { 'accept-language': 'en' },
      );
      assert.equal(res.statusCode, 403);
      assert.match(res.json().title, /not addressed to you/);
      await at(10);
      await at(10);
      await at(500);
      const fired = await t.c.db
        .selectFrom('deadlines')
        .select(['state'])
        .where(
          'ref_id',
          'in',
          created.steps.map((s: { id: string }) => s.id),
        )
        .execute();
      assert.deepEqual(
        fired.map((f) => f.state),
        ['fired', 'fired'],
      );
      const late = (await incident(created.id)).events.filter((e: { kind: string }) => e.kind === 'step.late');
      assert.equal(late.length, 2);
    });

    const reportLongAfterIncident =
      'a report long after the incident is flagged as possibly concealed; flags are answered, never removed';
    it(reportLongAfterIncident, async () => {
      clock.set(T0);
      const created = await report({ occurredAt: minutes(-180).toISOString() });
      const flag = created.flags.find((f: { kind: string }) => f.kind === 'concealed');
      assert.ok(flag);
      assert.equal(flag.detail.minutesAfterOccurrence, 180);
      const note = await teacher.post(`/api/v1/incidents/${created.id}/flags/${flag.id}/notes`, {
        text: '当晚通讯中断，次日才发现。',
      });
      assert.equal(note.statusCode, 204);
      const now = await incident(created.id);
      assert.equal(now.flags.length, 1);
      assert.deepEqual(
        now.flags[0].notes.map((n: { text: string }) => n.text),
        ['当晚通讯中断，次日才发现。'],
      );
    });

    it('closes only with the after-action report; undone steps become missing reports', async () => {
      clock.set(T0);
      const created = await report();
      const outsider = (await t.signIn('s1.safety')).me.personId;
      const refused = await head.post(
        `/api/v1/incidents/${created.id}/close`,
        {
          report: {
            whatHappened: '起火',
            causes: '油温过高',
            actionsTaken: '扑灭',
            lessons: '不得离人',
            followUps: [
              { task: '检查燃气', ownerId: outsider, dueDate: '2027-04-20' },
              { task: '培训', ownerId: safety.me.personId, dueDate: '2027-04-01' },
            ],
          },
        },
        { 'accept-language': 'en' },
      );
      assert.equal(refused.statusCode, 422, refused.body);
      assert.deepEqual(
        refused.json().errors.map((e: { field: string }) => e.field),
        ['report.followUps.0.ownerId', 'report.followUps.1.dueDate'],
      );
      assert.equal((await incident(created.id)).status, 'reported', 'nothing of the close is stored');
      assert.equal(
        (await t.c.db.selectFrom('rectification_tasks').select('id').where('source_id', '=', created.id).execute())
          .length,
        0,
      );
      const bare = await head.post(`/api/v1/incidents/${created.id}/close`, {});
      assert.equal(bare.statusCode, 400);
      assert.equal(bare.json().errors[0].field, 'report');
      const partial = await head.post(`/api/v1/incidents/${created.id}/close`, {
        report: { whatHappened: '起火', causes: '', actionsTaken: '扑灭', lessons: '' },
      });
      assert.deepEqual(
        partial
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['report.causes', 'report.lessons'],
      );
      assert.equal((await incident(created.id)).status, 'reported');
      const closed = await head.post(`/api/v1/incidents/${created.id}/close`, {
        report: {
          whatHappened: '厨房油锅起火',
          causes: '油温过高，无人看管',
          actionsTaken: '灭火毯扑灭，疏散',
          losses: '无',
          lessons: '烹饪时不得离人',
          followUps: [{ task: '更换灭火毯', ownerId: safety.me.personId, dueDate: '2027-04-20' }],
        },
      });
      assert.equal(closed.statusCode, 204, closed.body);
      const now = await incident(created.id);
      assert.equal(now.status, 'closed');
      assert.equal(now.afterAction.followUps[0].task, '更换灭火毯');
      const safetyName = (
        await t.c.db.selectFrom('people').select('name').where('id', '=', safety.me.personId).executeTakeFirstOrThrow()
      ).name;
      assert.equal(now.afterAction.followUps[0].ownerName, safetyName);
      // The follow-up is a rectification task of the kindergarten, chased like any hazard.
      const taskId = now.afterAction.followUps[0].taskId;
      const task = (await safety.get(`/api/v1/rectification-tasks/${taskId}`)).json();
      assert.equal(task.title, '更换灭火毯');
      assert.deepEqual(task.source, {
        kind: 'incident',
        id: created.id,
        label: '2027-04-12 厨房',
        itemCode: null,
        detail: created.description,
      });
      assert.equal(task.ownerPersonId, safety.me.personId);
      assert.equal(task.dueAt, '2027-04-20T15:59:59.999Z', 'the end of the due day in the unit’s zone');
      const told = await t.c.db
        .selectFrom('notifications')
        .select('link')
        .where('person_id', '=', safety.me.personId)
        .where('link', '=', `/inspections/tasks/${taskId}`)
        .execute();
      assert.equal(told.length, 1, 'the owner is told of the task');
      assert.deepEqual(now.flags.map((f: { kind: string }) => f.kind).sort(), ['missing', 'missing']);
      assert.equal(
        (await head.post(`/api/v1/incidents/${created.id}/events`, { kind: 'comment', text: '补充' })).statusCode,
        409,
      );
      await at(200);
      assert.equal(
        (await incident(created.id)).flags.filter((f: { kind: string }) => f.kind === 'late').length,
        0,
        'a closed incident’s deadlines were cancelled',
      );
    });

    it('a drill runs the chain but never alarms the parent unit', async () => {
      clock.set(T0);
      const created = await report({ drill: true });
      assert.equal(created.drill, true);
      assert.equal(created.steps[1].simulated, true);
      assert.match((await inbox(head)).find((n) => n.incidentId === created.id)!.title, /^【演练】/);
      await at(130);
      assert.ok(!(await inbox(supervisor)).some((n) => n.incidentId === created.id));
    });

    it('bad input is refused by field and stores nothing', async () => {
      const count = async () =>
        (
          await t.c.db
            .selectFrom('incidents')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const before = await count();
      const res = await teacher.post(
        '/api/v1/incidents',
        { unitId: k1, type: 'alien_landing', severity: 5, place: '', description: 'x' },
        { 'accept-language': 'en' },
      );
      assert.equal(res.statusCode, 400);
      const fields = Object.fromEntries(
        res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      );
      assert.match(fields.type, /type must be one of: fire, food_safety/);
      assert.equal(fields.severity, 'severity must be at most 4');
      assert.equal(fields.place, 'place must not be empty');
      const future = await teacher.post('/api/v1/incidents', {
        unitId: k1,
        type: 'fire',
        severity: 4,
        place: '操场',
        description: '演示',
        occurredAt: minutes(60 * 24).toISOString(),
      });
      assert.equal(future.json().errors[0].field, 'occurredAt');
      const huge = await teacher.post('/api/v1/incidents', {
        unitId: k1,
        type: 'fire',
        severity: 4,
        place: '操场',
        description: '长'.repeat(200_000),
      });
      assert.equal(huge.statusCode, 413);
      const long = await teacher.post('/api/v1/incidents', {
        unitId: k1,
        type: 'fire',
        severity: 4,
        place: '操场',
        description: '长'.repeat(5001),
      });
      assert.equal(long.json().errors[0].message, '事件经过：最多 5000 个字符');
      const other = await (
        await t.signIn('s1.safety')
      ).post('/api/v1/incidents', { unitId: k1, type: 'fire', severity: 4, place: '操场', description: '演示' });
      assert.equal(other.statusCode, 404);
      assert.equal(await count(), before);
    });
  });

  /*
   * A longer chain at the sunshine kindergarten, whose plan names a deputy leader: the head, then the
   * safety officer, then the central school's safety officer, then the written report upward.
   */
  describe(`a four-step chain with a named deputy (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let teacher: Client;
    let head: Client;
    let safety: Client;
    let gate: Client;
    let parentHead: Client;
    let parentSafety: Client;
    let bureau: Client;
    let k2: string;
    let parentPeople: string[];

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      k2 = await unitIdByName(t, '城关镇阳光幼儿园');
      const cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      [teacher, head, safety, gate, parentHead, parentSafety, bureau] = (await Promise.all(
        ['k2.teacher1', 'k2.head', 'k2.safety', 'k2.gate', 'cs1.head', 'cs1.safety', 'bureau.safety'].map((u) =>
          t.signIn(u),
        ),
      )) as [Client, Client, Client, Client, Client, Client, Client];
      parentPeople = [
        ...new Set(
          (await t.c.db.selectFrom('memberships').select('person_id').where('unit_id', '=', cs1).execute()).map(
            (m) => m.person_id,
          ),
        ),
      ];
      assert.ok(parentPeople.includes(parentHead.me.personId) && parentPeople.includes(parentSafety.me.personId));
      const plan = (await safety.post('/api/v1/plans', { unitId: k2, template: 'kindergarten' })).json();
      const reportingChain = [
        { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
        { kind: 'notify', target: 'unit', role: 'safety_officer', deadlineMinutes: 20, note: '' },
        { kind: 'notify', target: 'parent', role: 'safety_officer', deadlineMinutes: 30, note: '' },
        { kind: 'report', target: 'parent', role: 'supervisor', deadlineMinutes: 120, note: '' },
      ];
      const leadership = { ...plan.content.leadership, deputyIds: [gate.me.personId] };
      const draft = await safety.patch(`/api/v1/plans/${plan.planId}/draft`, {
        content: { ...plan.content, reportingChain, leadership },
      });
      assert.equal(draft.statusCode, 200, draft.body);
      const published = await head.post(`/api/v1/plans/${plan.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);
    });
    after(() => t.close());

    interface Step {
      id: string;
      state: string;
      late: boolean;
      mine: boolean;
      simulated: boolean;
      recipients: { personId: string; reason: string }[];
    }
    const report = async (extra: Record<string, unknown> = {}) => {
      const res = await teacher.post('/api/v1/incidents', {
        unitId: k2,
        type: 'missing_child',
        severity: 2,
        place: '大门口',
        description: '放学时一名幼儿未见家长接走',
        ...extra,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; steps: Step[] };
    };
    const incident = async (id: string, who: Client = head) =>
      chainOnly((await who.get(`/api/v1/incidents/${id}`)).json());
    const states = async (id: string) => ((await incident(id)).steps as Step[]).map((s) => s.state);
    const at = async (m: number) => {
      clock.set(minutes(m));
      await t.c.engine.tick();
    };
    const inbox = async (who: Client, id: string) =>
      ((await who.get('/api/v1/notifications?pageSize=100')).json().items as { incidentId: string; kind: string }[])
        .filter((n) => n.incidentId === id && chainMessage(n))
        .map((n) => n.kind);
    const toldInParent = async (id: string) =>
      (
        await t.c.db
          .selectFrom('notifications')
          .select(['person_id', 'kind'])
          .where('incident_id', '=', id)
          .where('person_id', 'in', parentPeople)
          .execute()
      ).filter(chainMessage);
    const ack = (who: Client, id: string, stepId: string) =>
      who.post(`/api/v1/incidents/${id}/steps/${stepId}/acknowledge`);
    const file = (who: Client, id: string, stepId: string) =>
      who.post(
        `/api/v1/incidents/${id}/steps/${stepId}/report`,
        { text: '幼儿已找到，无伤害。' },
        { 'accept-language': 'en' },
      );

    it('a late step acknowledged after the chain moved on does not skip the step after it', async () => {
      clock.set(T0);
      const created = await report();
      const ids = created.steps.map((s) => s.id);
      await at(10);
      assert.deepEqual(
        await states(created.id),
        ['active', 'active', 'waiting', 'waiting'],
        'step 1 late: step 2 is activated',
      );
      await at(12);
      assert.equal((await ack(head, created.id, ids[0]!)).statusCode, 204);
      assert.deepEqual(
        await states(created.id),
        ['done', 'active', 'waiting', 'waiting'],
        'the late acknowledgement does not activate step 3',
      );
      const board = (await parentHead.get(`/api/v1/incidents?unitId=${k2}`))
        .json()
        .items.find((i: { id: string }) => i.id === created.id);
      assert.deepEqual(
        board.deadlines.map((d: { position: number; state: string; dueAt: string }) => [d.position, d.state, d.dueAt]),
        [
          [1, 'active', minutes(20).toISOString()],
          [2, 'waiting', minutes(30).toISOString()],
          [3, 'waiting', minutes(120).toISOString()],
        ],
        'the board carries every pending deadline',
      );
      assert.equal(board.nextDueAt, minutes(20).toISOString());
      await at(15);
      assert.equal((await ack(safety, created.id, ids[1]!)).statusCode, 204);
      assert.deepEqual(
        await states(created.id),
        ['done', 'done', 'active', 'waiting'],
        'the frontier’s acknowledgement moves the chain on',
      );
      const now = await incident(created.id);
      assert.deepEqual(
        now.steps.map((s: Step) => s.late),
        [true, false, false, false],
      );
      assert.ok((await inbox(parentSafety, created.id)).includes('incident.holder'));
    });

    it('the deputy the plan names is told with the head from the start, and may acknowledge', async () => {
      clock.set(T0);
      const created = await report();
      const first = created.steps[0]!;
      assert.deepEqual(
        first.recipients.map((r) => [r.personId, r.reason]),
        [
          [head.me.personId, 'holder'],
          [gate.me.personId, 'deputy'],
        ],
      );
      assert.deepEqual(await inbox(gate, created.id), ['incident.deputy_copy']);
      assert.deepEqual(await inbox(head, created.id), ['incident.holder']);
      assert.equal((await incident(created.id, gate)).steps[0].mine, true);
      await at(3);
      assert.equal((await ack(gate, created.id, first.id)).statusCode, 204);
      const now = await incident(created.id);
      assert.deepEqual(
        now.steps.map((s: Step) => s.state),
        ['done', 'active', 'waiting', 'waiting'],
      );
      assert.deepEqual(
        now.steps[1].recipients.map((r: { reason: string }) => r.reason),
        ['holder'],
        'the safety officer’s step names no deputy',
      );
      await at(10);
      assert.equal((await incident(created.id)).steps[0].late, false);
    });

    it('escalation still reaches the deputy when the head does not answer', async () => {
      clock.set(T0);
      const created = await report();
      await at(10);
      assert.deepEqual(
        (await inbox(gate, created.id)).sort(),
        ['incident.deputy', 'incident.deputy_copy'],
        'told up front, then again as the head missed it',
      );
      const now = await incident(created.id);
      assert.deepEqual(
        now.steps[0].recipients.map((r: { reason: string }) => r.reason),
        ['holder', 'deputy'],
      );
      const escalated = now.events.find(
        (e: { kind: string; data: { stepId: string } }) =>
          e.kind === 'step.escalated' && e.data.stepId === created.steps[0]!.id,
      );
      assert.equal(escalated.data.people, 1);
    });

    const drillStepParentUnit =
      'in a drill, a step to the parent unit is passed as practised, telling nobody there and leaving no late mark';
    it(drillStepParentUnit, async () => {
      clock.set(T0);
      const created = await report({ drill: true });
      assert.deepEqual(
        created.steps.map((s) => s.simulated),
        [false, false, true, true],
      );
      await at(10);
      let now = await incident(created.id);
      assert.deepEqual(
        now.steps.map((s: Step) => [s.state, s.late]),
        [
          ['active', true],
          ['active', false],
          ['waiting', false],
          ['waiting', false],
        ],
      );
      await at(20);
      now = await incident(created.id);
      assert.deepEqual(
        now.steps.map((s: Step) => [s.state, s.late]),
        [
          ['active', true],
          ['active', true],
          ['done', false],
          ['active', false],
        ],
        'the unit’s own steps go late as in earnest; the parent step is ' +
          'practised the moment it comes up, and the report step follows',
      );
      assert.deepEqual(now.steps[2].recipients, [], 'nobody in the parent unit was told');
      assert.ok(
        now.events.some(
          (e: { kind: string; data: { stepId: string } }) =>
            e.kind === 'step.practised' && e.data.stepId === created.steps[2]!.id,
        ),
      );
      assert.ok(
        !now.events.some(
          (e: { kind: string; data: { stepId: string } }) =>
            e.kind === 'step.escalated' && e.data.stepId === created.steps[2]!.id,
        ),
      );
      await at(30);
      now = await incident(created.id);
      assert.equal(now.steps[2].late, false, 'its deadline passing changes nothing');
      assert.ok(
        !now.flags.some((f: { stepId: string }) => f.stepId === created.steps[2]!.id),
        'no flag for a practised step',
      );
      assert.deepEqual(
        (await inbox(gate, created.id)).sort(),
        ['incident.deputy', 'incident.deputy', 'incident.deputy_copy'],
        'the unit’s own steps still escalate to its deputy',
      );
      await at(130);
      assert.deepEqual(await toldInParent(created.id), []);
    });

    const drillHeadPractisesWritten =
      'in a drill, the head practises the written report: told, allowed to file, and the parent is not alarmed';
    it(drillHeadPractisesWritten, async () => {
      clock.set(T0);
      const created = await report({ drill: true });
      const step = created.steps[3]!;
      await at(1);
      assert.equal((await ack(head, created.id, created.steps[0]!.id)).statusCode, 204);
      await at(2);
      assert.equal((await ack(safety, created.id, created.steps[1]!.id)).statusCode, 204);
      await at(30); // the simulated step to the parent can be answered by nobody; past its deadline the chain goes on
      let now = await incident(created.id);
      assert.equal(now.steps[3].state, 'active');
      assert.deepEqual(
        now.steps[3].recipients.map((r: { personId: string; reason: string }) => [r.personId, r.reason]),
        [[head.me.personId, 'holder']],
      );
      assert.equal(now.steps[3].mine, true);
      assert.ok((await inbox(head, created.id)).includes('incident.holder'));
      assert.equal((await file(parentHead, created.id, step.id)).statusCode, 403);
      await at(100);
      const filed = await file(head, created.id, step.id);
      assert.equal(filed.statusCode, 204, filed.body);
      now = await incident(created.id);
      assert.deepEqual([now.steps[3].state, now.steps[3].late], ['done', false]);
      await at(130);
      assert.deepEqual(await toldInParent(created.id), []);
    });

    it('an overdue report tells the parent unit, which may not file it in the unit’s place', async () => {
      clock.set(T0);
      const created = await report();
      const step = created.steps[3]!;
      for (const m of [10, 20, 30, 119]) await at(m);
      assert.deepEqual(await inbox(parentHead, created.id), []);
      await at(120);
      assert.deepEqual(await inbox(parentHead, created.id), ['incident.parent']);
      const seen = await incident(created.id, parentHead);
      assert.equal(seen.steps[3].late, true);
      assert.deepEqual(
        seen.steps[3].recipients.map((r: { personId: string; reason: string }) => [r.personId, r.reason]),
        [
          [head.me.personId, 'holder'],
          [parentHead.me.personId, 'parent'],
        ],
      );
      assert.equal(seen.steps[3].mine, false, 'the parent is told, not asked to file');
      const refused = await file(parentHead, created.id, step.id);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.json().title, /not addressed to you/);
      assert.equal((await file(bureau, created.id, step.id)).statusCode, 403, 'nor may the bureau above');
      assert.equal((await incident(created.id)).steps[3].state, 'active');
      assert.equal((await incident(created.id)).steps[3].mine, true);
      await at(125);
      assert.equal((await file(head, created.id, step.id)).statusCode, 204, 'the head still files, late');
      const now = await incident(created.id);
      assert.deepEqual([now.steps[3].state, now.steps[3].late, now.steps[3].doneBy !== null], ['done', true, true]);
    });

    const commentsUpdatesStatusChanges =
      'comments, updates and status changes go on the timeline with who and when; the status never goes back';
    it(commentsUpdatesStatusChanges, async () => {
      clock.set(T0);
      const created = await report();
      const names = new Map(
        (await t.c.db.selectFrom('people').select(['id', 'name']).execute()).map((p) => [p.id, p.name]),
      );
      await at(3);
      assert.equal(
        (await teacher.post(`/api/v1/incidents/${created.id}/events`, { kind: 'comment', text: '家长电话无人接听' }))
          .statusCode,
        204,
      );
      await at(4);
      assert.equal(
        (await head.post(`/api/v1/incidents/${created.id}/events`, { kind: 'update', text: '已调取门口监控' }))
          .statusCode,
        204,
      );
      await at(5);
      assert.equal(
        (await head.post(`/api/v1/incidents/${created.id}/status`, { status: 'responding' })).statusCode,
        204,
      );
      await at(6);
      assert.equal(
        (await head.post(`/api/v1/incidents/${created.id}/status`, { status: 'under_control' })).statusCode,
        204,
      );
      const events = (await incident(created.id)).events as {
        kind: string;
        at: string;
        actor: string;
        personId: string | null;
        actorName: string | null;
        text: string | null;
        data: Record<string, unknown> | null;
      }[];
      const mine = events
        .filter((e) => ['comment', 'update', 'status'].includes(e.kind))
        .map((e) => [e.kind, e.at, e.actor, e.personId, e.actorName, e.text ?? e.data?.to]);
      assert.deepEqual(mine, [
        [
          'comment',
          minutes(3).toISOString(),
          'k2.teacher1',
          teacher.me.personId,
          names.get(teacher.me.personId),
          '家长电话无人接听',
        ],
        [
          'update',
          minutes(4).toISOString(),
          'k2.head',
          head.me.personId,
          names.get(head.me.personId),
          '已调取门口监控',
        ],
        ['status', minutes(5).toISOString(), 'k2.head', head.me.personId, names.get(head.me.personId), 'responding'],
        ['status', minutes(6).toISOString(), 'k2.head', head.me.personId, names.get(head.me.personId), 'under_control'],
      ]);
      const system = events.find((e) => e.kind === 'step.activated')!;
      assert.deepEqual([system.actor, system.personId, system.actorName], ['system:engine', null, null]);
      for (const status of ['responding', 'under_control']) {
        const back = await head.post(`/api/v1/incidents/${created.id}/status`, { status }, { 'accept-language': 'en' });
        assert.equal(back.statusCode, 409, status);
        assert.match(back.headers['content-type'] as string, /^application\/problem\+json/);
        assert.equal(back.json().title, 'An incident’s status only moves forward.');
        assert.deepEqual(
          back.json().errors.map((e: { field: string }) => e.field),
          ['status'],
        );
      }
      // Back to the start is not a status one can choose; nor is 已接报 (Received), which only a chain step's
      // acknowledged receipt sets: the status control is never a second kind of 确认.
      for (const status of ['reported', 'acknowledged']) {
        const refused = await head.post(
          `/api/v1/incidents/${created.id}/status`,
          { status },
          { 'accept-language': 'en' },
        );
        assert.equal(refused.statusCode, 400, status);
        assert.match(refused.headers['content-type'] as string, /^application\/problem\+json/);
        assert.deepEqual(
          refused.json().errors.map((e: { field: string }) => e.field),
          ['status'],
        );
      }
      assert.equal((await incident(created.id)).status, 'under_control');
      assert.equal(
        (await incident(created.id)).events.filter((e: { kind: string }) => e.kind === 'status').length,
        2,
        'a refused move leaves no trace',
      );
    });

    it('flags and their explanations cannot be removed or altered, even by hand in the database', async () => {
      clock.set(T0);
      const created = await report({ occurredAt: minutes(-120).toISOString() });
      await at(10);
      const flags = (await incident(created.id)).flags as { id: string; kind: string }[];
      assert.deepEqual(flags.map((f) => f.kind).sort(), ['concealed', 'late']);
      assert.equal(
        (await head.post(`/api/v1/incidents/${created.id}/flags/${flags[0]!.id}/notes`, { text: '当时在处置现场。' }))
          .statusCode,
        204,
      );
      const db = t.c.db;
      await assert.rejects(
        sql`DELETE FROM incident_flags WHERE incident_id = ${created.id}`.execute(db),
        /incident_flags is append-only/,
      );
      await assert.rejects(
        sql`UPDATE incident_flags SET kind = 'missing' WHERE incident_id = ${created.id}`.execute(db),
        /incident_flags is append-only/,
      );
      await assert.rejects(
        sql`UPDATE incident_flags SET person_ids_json = '[]' WHERE incident_id = ${created.id}`.execute(db),
        /incident_flags is append-only/,
      );
      await assert.rejects(
        sql`DELETE FROM incident_flag_notes WHERE flag_id = ${flags[0]!.id}`.execute(db),
        /incident_flag_notes is append-only/,
      );
      await assert.rejects(
        sql`UPDATE incident_flag_notes SET text = '' WHERE flag_id = ${flags[0]!.id}`.execute(db),
        /incident_flag_notes is append-only/,
      );
      await assert.rejects(
        db
          .transaction()
          .execute((tx) => tx.deleteFrom('incident_flags').where('incident_id', '=', created.id).execute()),
        /append-only/,
      );
      const now = await incident(created.id);
      assert.deepEqual(
        now.flags.map((f: { id: string }) => f.id),
        flags.map((f) => f.id),
      );
      assert.deepEqual(
        now.flags[0].notes.map((n: { text: string }) => n.text),
        ['当时在处置现场。'],
      );
      await at(20);
      assert.equal((await incident(created.id)).flags.length, 3, 'new flags are still raised');
    });

    it('keeps the plan’s own response principles for the report screen', async () => {
      const res = await teacher.get(`/api/v1/incidents/principles?unitId=${k2}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.unitId, k2);
      assert.ok(body.planTitle);
      assert.equal(body.principles.length, 5);
      assert.match(body.principles[0], /^以人为本，生命至上。/);
      assert.ok(body.principles.every((line: string) => line === line.trim() && line.length > 0));
      const k3 = await unitIdByName(t, '石桥镇中心幼儿园');
      const none = (await bureau.get(`/api/v1/incidents/principles?unitId=${k3}`)).json();
      assert.deepEqual(
        [none.planTitle, none.principles],
        [null, []],
        'without a plan: nothing, and the screen falls back to the fixed phrases',
      );
      assert.equal(
        (await teacher.get(`/api/v1/incidents/principles?unitId=${k3}`)).statusCode,
        404,
        'another unit’s plan is not for you',
      );
    });
  });
}
