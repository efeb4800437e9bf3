import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import type { MyTodo } from '../../../common/schemas/todo.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * A kindergarten's head on the first day of a special period (daily report due 15:00 Shanghai):
 * an incident's chain asks them to acknowledge, the central school sends a directive to sign for. Their
 * to-do lists the three, the most urgent first; the central school's head sees what is late below;
 * doing each removes it; a head of another school sees none of it.
 */
const T0 = new Date('2027-01-10T01:00:00.000Z'); // 09:00 in Shanghai
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

for (const dialect of dialectsUnderTest()) {
  describe(`my to-do across modules (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let k1: string;
    let cs1: string;
    let head: Client;
    let teacher: Client;
    let centralHead: Client;
    let outsider: Client;
    let incidentId: string;
    let stepId: string;
    let directiveId: string;

    const todo = async (who: Client): Promise<MyTodo> => {
      const res = await who.get('/api/v1/me/todo');
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const at = async (m: number) => {
      clock.set(minutes(m));
      for (let i = 0; i < 20 && (await t.c.engine.tick()) > 0; i++);
    };

    before(async () => {
      clock = new FakeClock(new Date('2027-01-09T12:00:00.000Z'));
      t = await createTestApp(dialect, { demo: true, clock });
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      // A special period from tomorrow requires a 15:00 daily report.
      const planner = await t.signIn('k1.head');
      const plan = (
        await planner.post('/api/v1/plans', {
          unitId: k1,
          template: 'special_period',
          period: { name: '期末考试周', startDate: '2027-01-10', endDate: '2027-01-12' },
        })
      ).json();
      assert.equal((await planner.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);
      await at(0);
      head = await t.signIn('k1.head');
      teacher = await t.signIn('k1.teacher1');
      centralHead = await t.signIn('cs1.head');
      outsider = await t.signIn('s1.head');

      const incident = await teacher.post('/api/v1/incidents', {
        unitId: k1,
        type: 'injury',
        severity: 4,
        place: '滑梯',
        description: '幼儿从滑梯摔下，擦伤膝盖',
      });
      assert.equal(incident.statusCode, 201, incident.body);
      incidentId = incident.json().id;
      // The special period's chain: the safety officer, then the head, then the report upward.
      const [first, second] = incident.json().steps;
      const safety = await t.signIn('k1.safety');
      assert.equal((await todo(safety)).items[0]!.id, `step:${first.id}`);
      assert.equal(
        (await safety.post(`/api/v1/incidents/${incidentId}/steps/${first.id}/acknowledge`)).statusCode,
        204,
      );
      assert.equal(second.kind, 'notify');
      stepId = second.id;

      const directive = await centralHead.post('/api/v1/directives', {
        senderUnitId: cs1,
        kind: 'directive',
        title: '关于寒假前安全检查的通知',
        text: '请于今日内签收。',
        targetUnitIds: [k1],
        signDueAt: minutes(120).toISOString(),
      });
      assert.equal(directive.statusCode, 201, directive.body);
      directiveId = directive.json().id;
    });
    after(() => t.close());

    it('lists the step, the directive and today’s report, the most urgent first, with their deadlines', async () => {
      const list = await todo(head);
      const mine = list.items.filter((i) => i.unitId === k1);
      assert.deepEqual(
        mine.map((i) => i.kind),
        ['incident_acknowledge', 'directive_sign', 'daily_report'],
      );
      const [step, sign, report] = mine;
      assert.equal(step!.route, `/incidents/${incidentId}`);
      assert.equal(step!.params.type, 'injury');
      assert.ok(step!.dueAt! > T0.toISOString());
      assert.equal(sign!.route, `/directives/${directiveId}`);
      assert.equal(sign!.params.title, '关于寒假前安全检查的通知');
      assert.equal(sign!.dueAt, minutes(120).toISOString());
      // 15:00 in Shanghai is 07:00 UTC: decided in the unit's zone, not the server's.
      assert.equal(report!.dueAt, '2027-01-10T07:00:00.000Z');
      assert.equal(report!.params.deadline, '15:00');
      assert.equal(report!.route, `/daily-reports?unit=${k1}`);
      assert.equal(report!.unitName, '城关镇中心幼儿园');
      assert.ok(mine.every((i) => !i.overdue));
      assert.equal(list.lateBelow, null, 'a kindergarten has no units below');
    });

    it('someone outside the unit sees none of it; the teacher has no step, directive or report to do', async () => {
      assert.deepEqual(
        (await todo(outsider)).items.filter((i) => i.unitId === k1),
        [],
      );
      assert.deepEqual(
        (await todo(teacher)).items.filter((i) => ['incident_acknowledge', 'directive_sign'].includes(i.kind)),
        [],
      );
    });

    it('past their deadlines the items are overdue and the central school sees them late below', async () => {
      await at(130);
      const list = await todo(head);
      const sign = list.items.find((i) => i.kind === 'directive_sign')!;
      assert.equal(sign.overdue, true);
      const late = (await todo(centralHead)).lateBelow;
      assert.ok(late, 'the central school supervises units below');
      const kinds = late.items
        .filter((i) => i.unitId === k1)
        .map((i) => i.kind)
        .sort();
      assert.ok(kinds.includes('directive_sign'), JSON.stringify(kinds));
      assert.ok(late.total >= late.items.length);
      assert.equal((await todo(outsider)).lateBelow, null);
    });

    it('doing each thing removes it from the list', async () => {
      const ack = await head.post(`/api/v1/incidents/${incidentId}/steps/${stepId}/acknowledge`);
      assert.equal(ack.statusCode, 204, ack.body);
      assert.ok(!(await todo(head)).items.some((i) => i.id === `step:${stepId}`));
      // The chain moves on: the report upward now waits for the head (the unit files its own report).
      const report = (await todo(head)).items.find((i) => i.kind === 'incident_report');
      assert.equal(report?.route, `/incidents/${incidentId}`);
      assert.ok(
        !(await todo(centralHead)).items.some((i) => i.kind === 'incident_report'),
        'the unit above is told, it does not file',
      );
      const filed = await head.post(
        `/api/v1/incidents/${incidentId}/steps/${report!.id.slice('step:'.length)}/report`,
        { text: '已处置，幼儿擦伤已包扎，家长已到场。' },
      );
      assert.equal(filed.statusCode, 204, filed.body);
      assert.ok(!(await todo(head)).items.some((i) => i.kind === 'incident_report'));
      assert.equal(report?.route, `/incidents/${incidentId}`);

      const signed = await head.post(`/api/v1/directives/${directiveId}/sign`, { unitId: k1 });
      assert.equal(signed.statusCode, 200, signed.body);
      assert.ok(!(await todo(head)).items.some((i) => i.kind === 'directive_sign'));
      assert.ok(
        !(await todo(centralHead)).lateBelow!.items.some((i) => i.kind === 'directive_sign' && i.unitId === k1),
      );

      const sent = await head.post('/api/v1/daily-reports/zero', { unitId: k1 });
      assert.equal(sent.statusCode, 201, sent.body);
      assert.deepEqual(
        (await todo(head)).items.filter(
          (i) => i.unitId === k1 && ['incident_acknowledge', 'directive_sign', 'daily_report'].includes(i.kind),
        ),
        [],
      );
    });

    it('answers 401 without a session', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/todo' });
      assert.equal(res.statusCode, 401);
    });
  });
}
