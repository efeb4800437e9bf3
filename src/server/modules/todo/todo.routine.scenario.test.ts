import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { photoId } from '../../../../test/helpers/inspections.js';
import type { MyTodo, TodoItem } from '../../../common/schemas/todo.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * The routine kinds of a school's to-do, each arranged through the API and done through it:
 * a handover and a swap for the next person on the roster, a hazard to fix and then to verify, a
 * drill planned for today, visitors still inside (the gate all day, the safety officer after
 * closing time), and a head's leave for the central school to approve.
 */
// Tuesday 1 June 2027, 10:00 in Shanghai: the shift of 1 June (08:00 → 08:00) is on.
const T0 = new Date('2027-06-01T02:00:00.000Z');

interface ShiftView {
  id: string;
  localDate: string;
}

for (const dialect of dialectsUnderTest()) {
  describe(`my to-do: the roster, hazards, drills, visitors and leave (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let dataDir: string;
    let s1: string;
    const as: Record<string, Client> = {};
    let day: ShiftView[];

    const id = (name: string) => as[name]!.me.personId;
    const todo = async (name: string): Promise<TodoItem[]> => {
      const res = await as[name]!.get('/api/v1/me/todo');
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as MyTodo).items;
    };
    const kinds = async (name: string) => (await todo(name)).map((i) => i.kind);

    before(async () => {
      clock = new FakeClock(T0);
      dataDir = mkdtempSync(join(tmpdir(), 'steady-todo-'));
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_DATA_DIR: dataDir } });
      s1 = await unitIdByName(t, '城关镇第一小学');
      for (const name of ['s1.head', 's1.safety', 's1.gate', 's1.teacher1', 's2.head', 'cs1.head'])
        as[name] = await t.signIn(name);
      const res = await as['s1.safety']!.post('/api/v1/duty/rotations', {
        unitId: s1,
        name: '值班',
        kind: 'daily',
        startDate: '2027-06-01',
        daysAhead: 4,
        slots: [
          { dutyLeaderId: id('s1.head'), staffIds: [id('s1.teacher1')] },
          { dutyLeaderId: id('s1.safety'), staffIds: [id('s1.gate')] },
        ],
      });
      assert.equal(res.statusCode, 201, res.body);
      day = (await as['s1.head']!.get(`/api/v1/duty/roster?unitId=${s1}&from=2027-06-01&to=2027-06-04`)).json().shifts;
    });
    after(async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('a handover waits for the next shift’s people until one of them accepts it', async () => {
      const written = await as['s1.teacher1']!.post(`/api/v1/duty/shifts/${day[0]!.id}/handover`, {
        happened: '夜间巡查两次，无异常。',
        pending: '东门门禁待维修',
      });
      assert.equal(written.statusCode, 201, written.body);
      const waiting = (await todo('s1.gate')).find((i) => i.kind === 'handover_accept');
      assert.ok(waiting, 'the gate is on the next shift');
      assert.equal(waiting.dueAt, '2027-06-02T00:00:00.000Z', 'by the start of the next shift (08:00 in Shanghai)');
      assert.match(waiting.route, /^\/duty\?unit=.+&date=2027-06-01/);
      assert.ok(
        !(await kinds('s1.teacher1')).includes('handover_accept'),
        'the writer does not accept their own handover',
      );
      assert.ok(!(await kinds('s2.head')).includes('handover_accept'));
      assert.equal(
        (await as['s1.gate']!.post(`/api/v1/duty/handovers/${written.json().id}/acknowledge`)).statusCode,
        200,
      );
      assert.ok(!(await kinds('s1.gate')).includes('handover_accept'));
      assert.ok(!(await kinds('s1.safety')).includes('handover_accept'), 'accepted once is accepted for the shift');
    });

    it('a swap waits for the person asked, and only for them', async () => {
      const proposed = await as['s1.teacher1']!.post('/api/v1/duty/swaps', {
        shiftId: day[2]!.id,
        withPersonId: id('s1.gate'),
        otherShiftId: day[1]!.id,
        note: '家中有事',
      });
      assert.equal(proposed.statusCode, 201, proposed.body);
      const waiting = (await todo('s1.gate')).find((i) => i.kind === 'swap_answer');
      assert.equal(waiting?.params.date, '2027-06-03');
      assert.ok(!(await kinds('s1.head')).includes('swap_answer'));
      assert.equal((await as['s1.gate']!.post(`/api/v1/duty/swaps/${proposed.json().id}/accept`)).statusCode, 200);
      assert.ok(!(await kinds('s1.gate')).includes('swap_answer'));
    });

    const plannedDrillWaitsHead =
      'a planned drill waits for the head and the safety officer; ' +
      'a hazard for its owner, then for someone to verify it';
    it(plannedDrillWaitsHead, async () => {
      const drill = await as['s1.safety']!.post('/api/v1/drills', {
        unitId: s1,
        type: 'fire_evacuation',
        plannedDate: '2027-06-01',
        title: '六月消防疏散演练',
      });
      assert.equal(drill.statusCode, 201, drill.body);
      for (const name of ['s1.head', 's1.safety']) {
        const due = (await todo(name)).find((i) => i.kind === 'drill_due');
        assert.equal(due?.dueAt, '2027-06-01T16:00:00.000Z', `${name}: by the end of the day in Shanghai`);
      }
      assert.ok(!(await kinds('s1.gate')).includes('drill_due'));

      const task = await as['s1.safety']!.post('/api/v1/rectification-tasks', {
        unitId: s1,
        title: '二楼疏散指示灯不亮',
        ownerPersonId: id('s1.teacher1'),
        dueAt: '2027-06-03T10:00:00.000Z',
        risk: 'medium',
        source: { kind: 'drill', drillId: drill.json().id, problem: '二楼疏散指示灯不亮' },
      });
      assert.equal(task.statusCode, 201, task.body);
      const fix = (await todo('s1.teacher1')).find((i) => i.kind === 'task_fix');
      assert.deepEqual(
        [fix?.params.title, fix?.dueAt, fix?.route],
        ['二楼疏散指示灯不亮', '2027-06-03T10:00:00.000Z', `/inspections/tasks/${task.json().id}`],
      );
      const fixed = await as['s1.teacher1']!.post(`/api/v1/rectification-tasks/${task.json().id}/report-fixed`, {
        note: '已更换灯管',
        photoIds: [await photoId(as['s1.teacher1']!, s1)],
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.ok(!(await kinds('s1.teacher1')).includes('task_fix'));
      assert.ok(!(await kinds('s1.teacher1')).includes('task_verify'), 'the owner never verifies their own fix');
      assert.ok((await kinds('s1.safety')).includes('task_verify'));
      assert.ok(!(await kinds('s1.gate')).includes('task_verify'), 'a gatekeeper does not run hazards');
      assert.ok(
        !(await kinds('cs1.head')).includes('task_verify'),
        'the unit above may verify it, but nobody there is waited for',
      );
      const closed = await as['s1.safety']!.post(`/api/v1/rectification-tasks/${task.json().id}/verify`, {
        decision: 'accept',
        note: '复查合格',
        photoIds: [await photoId(as['s1.safety']!, s1)],
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.ok(!(await kinds('s1.safety')).includes('task_verify'));
    });

    it('visitors still inside: on the gate’s list all day, on the safety officer’s after closing time', async () => {
      const visitor = await as['s1.gate']!.post('/api/v1/visitors', {
        unitId: s1,
        name: '王建国',
        idNumber: '451X',
        purpose: '家长来访',
      });
      assert.equal(visitor.statusCode, 201, visitor.body);
      const inside = (await todo('s1.gate')).find((i) => i.kind === 'visitors_inside');
      assert.deepEqual(
        [inside?.params.count, inside?.dueAt, inside?.overdue],
        ['1', '2027-06-01T10:00:00.000Z', false],
      );
      assert.ok(!(await kinds('s1.safety')).includes('visitors_inside'), 'before closing it is the gate’s work');
      clock.set(new Date('2027-06-01T10:30:00.000Z'));
      const late = (await todo('s1.safety')).find((i) => i.kind === 'visitors_inside');
      assert.equal(late?.overdue, true);
      assert.equal((await as['s1.gate']!.post(`/api/v1/visitors/${visitor.json().id}/check-out`, {})).statusCode, 200);
      assert.ok(!(await kinds('s1.gate')).includes('visitors_inside'));
      assert.ok(!(await kinds('s1.safety')).includes('visitors_inside'));
    });

    it('a head’s leave that needs approval waits for the central school, not for the head', async () => {
      // A special period of 7–8 June says the head may not leave without approval.
      const plan = (
        await as['s1.head']!.post('/api/v1/plans', {
          unitId: s1,
          template: 'special_period',
          period: { name: '中考', startDate: '2027-06-07', endDate: '2027-06-08' },
        })
      ).json();
      assert.equal(
        (
          await as['s1.head']!.patch(`/api/v1/plans/${plan.planId}/draft`, {
            content: { ...plan.content, leaveApprovalRequired: true },
          })
        ).statusCode,
        200,
      );
      assert.equal((await as['s1.head']!.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);
      const requested = await as['s1.head']!.post('/api/v1/leave', {
        unitId: s1,
        startDate: '2027-06-07',
        endDate: '2027-06-08',
        reason: '参加培训',
        deputyId: id('s1.safety'),
      });
      assert.equal(requested.statusCode, 201, requested.body);
      assert.equal(requested.json().state, 'requested');
      const waiting = (await todo('cs1.head')).find((i) => i.kind === 'leave_approve');
      assert.deepEqual([waiting?.params.from, waiting?.params.to, waiting?.unitId], ['2027-06-07', '2027-06-08', s1]);
      assert.ok(!(await kinds('s1.head')).includes('leave_approve'));
      assert.ok(!(await kinds('s2.head')).includes('leave_approve'));
      assert.equal((await as['cs1.head']!.post(`/api/v1/leave/${requested.json().id}/approve`, {})).statusCode, 200);
      assert.ok(!(await kinds('cs1.head')).includes('leave_approve'));
    });
  });
}
