import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';
import {
  answers,
  copyTemplate,
  notificationsOf,
  personIdOf,
  photoId,
  type ChecklistView,
} from '../../../../test/helpers/inspections.js';

// 09:00 in Shanghai on a Monday.
const T0 = new Date('2027-03-01T01:00:00.000Z');
const DAY = 86_400_000;

for (const dialect of dialectsUnderTest()) {
  describe(`rectification: the issue's scenario (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let dataDir: string;
    let safety: Client;
    let head: Client;
    let s1: string;
    let canteen: ChecklistView;
    let headId: string;
    let safetyId: string;
    let taskId: string;
    const signInAll = async () => {
      safety = await t.signIn('s1.safety');
      head = await t.signIn('s1.head');
    };

    before(async () => {
      clock = new FakeClock(T0);
      dataDir = mkdtempSync(join(tmpdir(), 'steady-inspections-'));
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_DATA_DIR: dataDir } });
      s1 = await unitIdByName(t, '城关镇第一小学');
      await signInAll();
      headId = await personIdOf(t, 's1.head');
      safetyId = await personIdOf(t, 's1.safety');
      canteen = await copyTemplate(safety, s1, 'canteen');
    });
    after(async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('a failed canteen item becomes a task with the item’s 3-day deadline, owned by the person chosen', async () => {
      const c01 = canteen.items.find((i) => i.code === 'C01')!;
      assert.equal(c01.fixDays, 3);
      const photo = await photoId(safety, s1);
      const res = await safety.post('/api/v1/inspections', {
        checklistId: canteen.id,
        note: '周检',
        answers: answers(canteen, {
          C01: { note: '许可证过期未换', photoIds: [photo], task: { ownerPersonId: headId } },
        }),
      });
      assert.equal(res.statusCode, 201, res.body);
      const run = res.json();
      assert.deepEqual(run.counts, { pass: canteen.items.length - 1, fail: 1, na: 0 });
      const failed = run.results.find((r: { itemCode: string }) => r.itemCode === 'C01');
      assert.deepEqual(failed.photoIds, [photo]);
      taskId = failed.taskId;
      const task = (await safety.get(`/api/v1/rectification-tasks/${taskId}`)).json();
      assert.equal(task.title, c01.text);
      assert.equal(task.risk, 'high');
      assert.equal(
        task.ownerName,
        (await t.c.db.selectFrom('people').select('name').where('id', '=', headId).executeTakeFirstOrThrow()).name,
      );
      assert.equal(task.dueAt, new Date(T0.getTime() + 3 * DAY).toISOString());
      assert.equal(task.state, 'open');
      assert.equal(task.source.kind, 'inspection');
      assert.equal((await notificationsOf(t, headId, 'rectification.assigned')).length, 1, 'the owner hears of it');
    });

    const deadlineTaskOverdueOwner =
      'at the deadline the task is overdue: the owner, the safety ' +
      'officer and the head are told; days later the central school';
    it(deadlineTaskOverdueOwner, async () => {
      await signInAll();
      const contact = await head.inject({
        method: 'PUT',
        url: `/api/v1/people/${headId}/contacts`,
        payload: { methods: [{ channel: 'email', to: 'head@s1.example' }] },
      });
      assert.equal(contact.statusCode, 200, contact.body);
      clock.set(new Date(T0.getTime() + 3 * DAY - 60_000));
      await t.c.engine.tick();
      assert.equal((await notificationsOf(t, headId, 'rectification.overdue')).length, 0);
      clock.set(new Date(T0.getTime() + 3 * DAY));
      await t.c.engine.tick();
      const told = await notificationsOf(t, headId, 'rectification.overdue');
      assert.equal(told.length, 1);
      assert.match(told[0]!.title, /【整改逾期】城关镇第一小学/);
      assert.equal((await notificationsOf(t, safetyId, 'rectification.overdue')).length, 1);
      const deliveries = await t.c.db
        .selectFrom('deliveries')
        .select('id')
        .where('notification_id', '=', told[0]!.id)
        .execute();
      assert.equal(deliveries.length, 1, 'and it goes out through the owner’s contact method');
      await signInAll();
      const task = (await safety.get(`/api/v1/rectification-tasks/${taskId}`)).json();
      assert.equal(task.overdue, true);
      assert.ok(task.overdueAt);
      assert.ok(task.events.some((e: { kind: string }) => e.kind === 'overdue'));

      const cs1Safety = await personIdOf(t, 'cs1.safety');
      clock.set(new Date(T0.getTime() + 6 * DAY - 60_000));
      await t.c.engine.tick();
      assert.equal((await notificationsOf(t, cs1Safety, 'rectification.escalated')).length, 0);
      clock.set(new Date(T0.getTime() + 6 * DAY));
      await t.c.engine.tick();
      const escalated = await notificationsOf(t, cs1Safety, 'rectification.escalated');
      assert.equal(escalated.length, 1);
      assert.match(escalated[0]!.body, /逾期超过 3 天/);
    });

    const ownerReportsFixedAfter =
      'the owner reports it fixed with an after photo, and cannot verify it; a second person does, and it closes';
    it(ownerReportsFixedAfter, async () => {
      await signInAll();
      const noPhoto = await head.post(
        `/api/v1/rectification-tasks/${taskId}/report-fixed`,
        { note: '已换证' },
        { 'accept-language': 'en' },
      );
      assert.equal(noPhoto.statusCode, 422);
      assert.equal(noPhoto.json().errors[0].field, 'photoIds');
      const fixed = await head.post(`/api/v1/rectification-tasks/${taskId}/report-fixed`, {
        note: '新许可证已公示',
        photoIds: [await photoId(head, s1)],
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.equal(fixed.json().state, 'awaiting_verification');
      assert.equal((await notificationsOf(t, safetyId, 'rectification.fixed')).length, 1);

      const byOwner = await head.post(
        `/api/v1/rectification-tasks/${taskId}/verify`,
        { decision: 'accept', photoIds: [await photoId(head, s1)] },
        { 'accept-language': 'en' },
      );
      assert.equal(byOwner.statusCode, 403);
      assert.match(byOwner.json().title, /owner of a rectification task cannot verify it/);
      assert.equal((await safety.get(`/api/v1/rectification-tasks/${taskId}`)).json().state, 'awaiting_verification');

      const withoutPhoto = await safety.post(`/api/v1/rectification-tasks/${taskId}/verify`, { decision: 'accept' });
      assert.equal(withoutPhoto.statusCode, 422);
      const verified = await safety.post(`/api/v1/rectification-tasks/${taskId}/verify`, {
        decision: 'accept',
        note: '现场核实',
        photoIds: [await photoId(safety, s1)],
      });
      assert.equal(verified.statusCode, 200, verified.body);
      const task = verified.json();
      assert.equal(task.state, 'closed');
      assert.equal(task.overdue, false);
      assert.ok(task.closedAt);
      assert.deepEqual(
        task.events.map((e: { kind: string }) => e.kind),
        ['created', 'overdue', 'escalated', 'reported_fixed', 'verified'],
      );
      assert.equal(task.events.at(-1).photoIds.length, 1);
      const trail = await t.c.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', taskId)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        trail.map((a) => a.action),
        [
          'rectification.created',
          'rectification.overdue',
          'rectification.escalated',
          'rectification.reported_fixed',
          'rectification.verified',
        ],
      );
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true);
      assert.equal(
        (
          await safety.post(`/api/v1/rectification-tasks/${taskId}/report-fixed`, {
            photoIds: [await photoId(safety, s1)],
          })
        ).statusCode,
        409,
      );
    });

    it('a supervised task cannot be closed by the school, only by the central school that supervises it', async () => {
      clock.set(new Date(T0.getTime() + 10 * DAY));
      await signInAll();
      const run = await safety.post('/api/v1/inspections', {
        checklistId: canteen.id,
        answers: answers(canteen, { C05: { note: '留样不足 48 小时', task: { ownerPersonId: headId } } }),
      });
      assert.equal(run.statusCode, 201, run.body);
      const id = run.json().results.find((r: { taskId: string | null }) => r.taskId).taskId;

      const bySchool = await safety.post(`/api/v1/rectification-tasks/${id}/supervise`, { note: '自行督办' });
      assert.equal(bySchool.statusCode, 403);
      const central = await t.signIn('cs1.head');
      const supervised = await central.post(`/api/v1/rectification-tasks/${id}/supervise`, {
        note: '食品安全隐患，挂牌督办',
      });
      assert.equal(supervised.statusCode, 200, supervised.body);
      assert.equal(supervised.json().supervision.unitName, '青山县城关镇中心学校');
      assert.equal((await central.post(`/api/v1/rectification-tasks/${id}/supervise`, {})).statusCode, 409);
      assert.equal((await notificationsOf(t, headId, 'rectification.supervised')).length, 1);

      await head.post(`/api/v1/rectification-tasks/${id}/report-fixed`, { photoIds: [await photoId(head, s1)] });
      const schoolCloses = await safety.post(`/api/v1/rectification-tasks/${id}/verify`, {
        decision: 'accept',
        photoIds: [await photoId(safety, s1)],
      });
      assert.equal(schoolCloses.statusCode, 403);
      assert.match(schoolCloses.json().title, /已由青山县城关镇中心学校挂牌督办/);
      assert.equal((await safety.get(`/api/v1/rectification-tasks/${id}`)).json().can.verify, false);
      const schoolExtends = await safety.patch(`/api/v1/rectification-tasks/${id}`, {
        dueAt: new Date(T0.getTime() + 40 * DAY).toISOString(),
      });
      assert.equal(schoolExtends.statusCode, 403);

      const centralSafety = await t.signIn('cs1.safety');
      assert.equal((await centralSafety.get(`/api/v1/rectification-tasks/${id}`)).json().can.verify, true);
      const closed = await centralSafety.post(`/api/v1/rectification-tasks/${id}/verify`, {
        decision: 'accept',
        photoIds: [await photoId(centralSafety, s1)],
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().state, 'closed');
      assert.equal(
        closed.json().verifiedBy,
        (
          await t.c.db
            .selectFrom('people')
            .select('name')
            .where('id', '=', await personIdOf(t, 'cs1.safety'))
            .executeTakeFirstOrThrow()
        ).name,
      );
    });

    it('a rejected fix reopens the task with a new deadline', async () => {
      await signInAll();
      const run = await safety.post('/api/v1/inspections', {
        checklistId: canteen.id,
        answers: answers(canteen, { C03: {} }),
      });
      const id = run.json().results.find((r: { taskId: string | null }) => r.taskId).taskId;
      assert.equal(
        (await safety.get(`/api/v1/rectification-tasks/${id}`)).json().ownerPersonId,
        safetyId,
        'the inspector owns it when nobody else is named',
      );
      await safety.post(`/api/v1/rectification-tasks/${id}/report-fixed`, { photoIds: [await photoId(safety, s1)] });
      const due = new Date(clock.now().getTime() + 5 * DAY).toISOString();
      const rejected = await head.post(`/api/v1/rectification-tasks/${id}/verify`, {
        decision: 'reject',
        note: '仍有积水',
        dueAt: due,
      });
      assert.equal(rejected.statusCode, 200, rejected.body);
      assert.equal(rejected.json().state, 'reopened');
      assert.equal(rejected.json().dueAt, due);
      assert.equal((await notificationsOf(t, safetyId, 'rectification.rejected')).length, 1);
    });
  });
}
