import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * The kindergarten plan's chain, fast-forwarded: the witness reports, the head must acknowledge
 * within 10 minutes, the head must file the report to the education authority within 2 hours.
 */
const T0 = new Date('2027-04-12T01:00:00.000Z');
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
      const res = await teacher.post('/api/v1/incidents', { unitId: k1, type: 'fire', severity: 3, place: '厨房', description: '厨房油锅起火，已用灭火毯扑灭', ...extra });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const incident = async (id: string, who: Client = head) => (await who.get(`/api/v1/incidents/${id}`)).json();
    const at = async (m: number) => {
      clock.set(minutes(m));
      await t.c.engine.tick();
    };
    const inbox = async (who: Client) => (await who.get('/api/v1/notifications?pageSize=100')).json().items as { incidentId: string; kind: string; title: string }[];

    it('on time: the head acknowledges at minute 7 and files the report at 1 h 50; nothing is late', async () => {
      clock.set(T0);
      const created = await report();
      assert.equal(created.steps[0].state, 'active');
      assert.deepEqual(created.steps[0].recipients.map((r: { reason: string }) => r.reason), ['holder']);
      const told = (await inbox(head)).filter((n) => n.incidentId === created.id);
      assert.equal(told.length, 1);
      assert.match(told[0]!.title, /城关镇中心幼儿园 · 火灾 · Ⅲ级/);

      await at(7);
      const ack = await head.post(`/api/v1/incidents/${created.id}/steps/${created.steps[0].id}/acknowledge`);
      assert.equal(ack.statusCode, 204, ack.body);
      await at(10);
      let now = await incident(created.id);
      assert.deepEqual(now.steps.map((s: { state: string; late: boolean }) => [s.state, s.late]), [['done', false], ['active', false]]);
      assert.equal(now.status, 'acknowledged');
      assert.equal(now.steps[1].mine, true);

      await at(110);
      const filed = await head.post(`/api/v1/incidents/${created.id}/steps/${created.steps[1].id}/report`, { text: '火情已扑灭，无人员伤亡。' });
      assert.equal(filed.statusCode, 204, filed.body);
      await at(120);
      now = await incident(created.id);
      assert.deepEqual(now.steps.map((s: { state: string; late: boolean }) => [s.state, s.late]), [['done', false], ['done', false]]);
      assert.deepEqual(now.flags, []);
      const up = (await inbox(supervisor)).filter((n) => n.incidentId === created.id);
      assert.deepEqual(up.map((n) => n.kind), ['incident.report']);
      const cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      const board = (await supervisor.get(`/api/v1/incidents?unitId=${cs1}&open=true`)).json();
      assert.ok(board.items.some((i: { id: string }) => i.id === created.id), 'a unit filter on the board covers the units below it');
    });

    it('late: no acknowledgement by minute 10 escalates to the deputy; no report by 2 h tells the parent', async () => {
      clock.set(T0);
      const created = await report();
      await at(9);
      assert.equal((await incident(created.id)).steps[0].late, false);
      await at(10);
      let now = await incident(created.id);
      assert.equal(now.steps[0].late, true);
      assert.deepEqual(now.steps[0].recipients.map((r: { name: string; reason: string }) => r.reason), ['holder', 'deputy']);
      assert.equal(now.steps[1].state, 'active', 'the chain moves on');
      assert.deepEqual(now.flags.map((f: { kind: string }) => f.kind), ['late']);
      assert.ok((await inbox(safety)).some((n) => n.incidentId === created.id && n.kind === 'incident.deputy'));

      await at(12);
      assert.equal((await safety.post(`/api/v1/incidents/${created.id}/steps/${created.steps[0].id}/acknowledge`)).statusCode, 204);
      now = await incident(created.id);
      assert.deepEqual([now.steps[0].state, now.steps[0].late], ['done', true], 'acknowledged late stays late');

      await at(119);
      assert.ok(!(await inbox(supervisor)).some((n) => n.incidentId === created.id));
      await at(120);
      now = await incident(created.id);
      assert.equal(now.steps[1].late, true);
      assert.deepEqual(now.flags.map((f: { kind: string }) => f.kind), ['late', 'late']);
      assert.deepEqual((await inbox(supervisor)).filter((n) => n.incidentId === created.id).map((n) => n.kind), ['incident.parent']);
      const kinds = now.events.map((e: { kind: string }) => e.kind);
      assert.deepEqual(kinds.filter((k: string) => k.startsWith('step.')), [
        'step.activated', 'step.late', 'step.escalated', 'step.activated', 'step.acknowledged', 'step.late',
      ]);
    });

    it('only the people a step told may acknowledge it, and each deadline fires once', async () => {
      clock.set(T0);
      const created = await report();
      const res = await teacher.post(`/api/v1/incidents/${created.id}/steps/${created.steps[0].id}/acknowledge`, {}, { 'accept-language': 'en' });
      assert.equal(res.statusCode, 403);
      assert.match(res.json().title, /not addressed to you/);
      await at(10);
      await at(10);
      await at(500);
      const fired = await t.c.db.selectFrom('deadlines').select(['state']).where('ref_id', 'in', created.steps.map((s: { id: string }) => s.id)).execute();
      assert.deepEqual(fired.map((f) => f.state), ['fired', 'fired']);
      const late = (await incident(created.id)).events.filter((e: { kind: string }) => e.kind === 'step.late');
      assert.equal(late.length, 2);
    });

    it('a report long after the incident is flagged as possibly concealed; flags are answered, never removed', async () => {
      clock.set(T0);
      const created = await report({ occurredAt: minutes(-180).toISOString() });
      const flag = created.flags.find((f: { kind: string }) => f.kind === 'concealed');
      assert.ok(flag);
      assert.equal(flag.detail.minutesAfterOccurrence, 180);
      const note = await teacher.post(`/api/v1/incidents/${created.id}/flags/${flag.id}/notes`, { text: '当晚通讯中断，次日才发现。' });
      assert.equal(note.statusCode, 204);
      const now = await incident(created.id);
      assert.equal(now.flags.length, 1);
      assert.deepEqual(now.flags[0].notes.map((n: { text: string }) => n.text), ['当晚通讯中断，次日才发现。']);
    });

    it('closes only with the after-action report; undone steps become missing reports', async () => {
      clock.set(T0);
      const created = await report();
      const bare = await head.post(`/api/v1/incidents/${created.id}/close`, {});
      assert.equal(bare.statusCode, 400);
      assert.equal(bare.json().errors[0].field, 'report');
      const partial = await head.post(`/api/v1/incidents/${created.id}/close`, { report: { whatHappened: '起火', causes: '', actionsTaken: '扑灭', lessons: '' } });
      assert.deepEqual(partial.json().errors.map((e: { field: string }) => e.field).sort(), ['report.causes', 'report.lessons']);
      assert.equal((await incident(created.id)).status, 'reported');
      const closed = await head.post(`/api/v1/incidents/${created.id}/close`, {
        report: { whatHappened: '厨房油锅起火', causes: '油温过高，无人看管', actionsTaken: '灭火毯扑灭，疏散', losses: '无', lessons: '烹饪时不得离人', followUps: [{ task: '更换灭火毯', ownerId: safety.me.personId, dueDate: '2027-04-20' }] },
      });
      assert.equal(closed.statusCode, 204, closed.body);
      const now = await incident(created.id);
      assert.equal(now.status, 'closed');
      assert.equal(now.afterAction.followUps[0].task, '更换灭火毯');
      assert.deepEqual(now.flags.map((f: { kind: string }) => f.kind).sort(), ['missing', 'missing']);
      assert.equal((await head.post(`/api/v1/incidents/${created.id}/events`, { kind: 'comment', text: '补充' })).statusCode, 409);
      await at(200);
      assert.equal((await incident(created.id)).flags.filter((f: { kind: string }) => f.kind === 'late').length, 0, 'a closed incident’s deadlines were cancelled');
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
      const count = async () => (await t.c.db.selectFrom('incidents').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      const before = await count();
      const res = await teacher.post('/api/v1/incidents', { unitId: k1, type: 'alien_landing', severity: 5, place: '', description: 'x' }, { 'accept-language': 'en' });
      assert.equal(res.statusCode, 400);
      const fields = Object.fromEntries(res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
      assert.match(fields.type, /type must be one of: fire, food_safety/);
      assert.equal(fields.severity, 'severity must be at most 4');
      assert.equal(fields.place, 'place must not be empty');
      const future = await teacher.post('/api/v1/incidents', { unitId: k1, type: 'fire', severity: 4, place: '操场', description: '演示', occurredAt: minutes(60 * 24).toISOString() });
      assert.equal(future.json().errors[0].field, 'occurredAt');
      const huge = await teacher.post('/api/v1/incidents', { unitId: k1, type: 'fire', severity: 4, place: '操场', description: '长'.repeat(200_000) });
      assert.equal(huge.statusCode, 413);
      const long = await teacher.post('/api/v1/incidents', { unitId: k1, type: 'fire', severity: 4, place: '操场', description: '长'.repeat(5001) });
      assert.equal(long.json().errors[0].message, '事件经过：最多 5000 个字符');
      const other = await (await t.signIn('s1.safety')).post('/api/v1/incidents', { unitId: k1, type: 'fire', severity: 4, place: '操场', description: '演示' });
      assert.equal(other.statusCode, 404);
      assert.equal(await count(), before);
    });
  });
}
