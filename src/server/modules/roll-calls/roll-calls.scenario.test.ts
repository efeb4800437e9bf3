import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { localToUtc } from '../../../common/time.js';
import { FakeClock } from '../../lib/clock.js';
import type { LiveEvent } from '../../notify/live-bus.js';

/*
 * The evacuation roll call (issue 17) in 城关镇第一小学, a school of six classes of five pupils, at two
 * local hours in Shanghai (the second crosses local midnight): a drill with two visitors still inside,
 * timed by the last class to report; a real evacuation from an incident with one child missing, the
 * head and the incident's handler alerted at once and told when the child is found; marks sent twice
 * and marks that disagree; and who sees names, who sees counts, who sees nothing.
 */
const SH = 'Asia/Shanghai';
const MOMENTS = [
  ['2027-04-12', '09:30'],
  ['2027-04-12', '23:58'],
] as const;
const CLASSES = 6;
const PUPILS = 5;
const PASSWORD = 'Roll-call teacher 2027 !';
const SECOND = 1000;

type Group = { groupKey: string; kind: string; name: string; total: number; notReported: number; mine: boolean };
type Subject = { subjectId: string; name: string; status: string | null; history: { status: string }[] };

for (const dialect of dialectsUnderTest()) {
  describe(`evacuation roll call, at two local hours (${dialect})`, () => {
    const clock = new FakeClock('2027-04-11T00:00:00Z');
    let t: TestApp;
    let s1: string;
    let head: Client;
    let safety: Client;
    let gate: Client;
    let reporter: Client;
    const teachers: Client[] = [];
    /** Class ids in the order of the teachers. */
    const classIds: string[] = [];
    const live: LiveEvent[] = [];

    before(async () => {
      t = await createTestApp(dialect, {
        demo: true,
        clock,
        env: { STEADY_LOGIN_ATTEMPTS: '1000', STEADY_SESSION_HOURS: '720' },
      });
      s1 = await unitIdByName(t, '城关镇第一小学');
      t.c.bus.subscribe((batch) => live.push(...batch.events.map((stamped) => stamped.event)));
      const admin = await t.signIn('admin');
      head = await t.signIn('s1.head');
      safety = await t.signIn('s1.safety');
      gate = await t.signIn('s1.gate');
      reporter = await t.signIn('s1.teacher1');
      teachers.push(reporter);
      for (let n = 2; n <= CLASSES; n++) {
        const made = await admin.post('/api/v1/people', {
          homeUnitId: s1,
          name: `班主任${n}`,
          roles: [{ unitId: s1, role: 'class_teacher' }],
          account: { username: `s1.teacher${n}`, password: PASSWORD },
        });
        assert.equal(made.statusCode, 201, made.body);
        teachers.push(await t.signIn(`s1.teacher${n}`, PASSWORD));
      }
      for (let n = 1; n <= CLASSES; n++) {
        const cls = await safety.post('/api/v1/rosters/classes', {
          unitId: s1,
          name: `三年级${n}班`,
          teacherPersonId: teachers[n - 1]!.me.personId,
        });
        assert.equal(cls.statusCode, 201, cls.body);
        classIds.push(cls.json().id);
        for (let p = 1; p <= PUPILS; p++) {
          const pupil = await teachers[n - 1]!.post('/api/v1/rosters/pupils', {
            classId: cls.json().id,
            name: `学生${n}-${p}`,
            adults: [{ name: `家长${n}-${p}`, relation: '母亲', mobile: `138000${n}${p}000` }],
          });
          assert.equal(pupil.statusCode, 201, pupil.body);
        }
      }
      // The incident's first step goes to the safety officer: the handler is not the head.
      const plan = (await safety.post('/api/v1/plans', { unitId: s1, template: 'school' })).json();
      const reportingChain = [
        { kind: 'notify', target: 'unit', role: 'safety_officer', deadlineMinutes: 10, note: '' },
      ];
      const draft = await safety.patch(`/api/v1/plans/${plan.planId}/draft`, {
        content: { ...plan.content, reportingChain },
      });
      assert.equal(draft.statusCode, 200, draft.body);
      assert.equal((await head.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);
    });
    after(() => t.close());

    const at = (ms: number, from: Date) => clock.set(new Date(from.getTime() + ms));
    const rollCall = async (id: string, who: Client = head) => {
      const res = await who.get(`/api/v1/roll-calls/${id}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const group = async (who: Client, id: string, key: string): Promise<Subject[]> => {
      const res = await who.get(`/api/v1/roll-calls/${id}/groups/${key}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().subjects;
    };
    /** One tap per subject, made now on the phone. */
    const taps = (subjects: { subjectId: string }[], status = 'present') =>
      subjects.map((s) => ({ key: randomUUID(), subjectId: s.subjectId, status, markedAt: clock.now().toISOString() }));
    const send = async (who: Client, id: string, marks: unknown[]) => {
      const res = await who.post(`/api/v1/roll-calls/${id}/marks`, { marks });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const start = async (who: Client, body: Record<string, unknown>) => {
      const res = await who.post('/api/v1/roll-calls', { unitId: s1, ...body });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const close = async (id: string) =>
      assert.equal((await head.post(`/api/v1/roll-calls/${id}/close`)).statusCode, 200);
    /** A person's messages of a kind about one roll call. */
    const inbox = async (personId: string, kind: string, rollCallId: string) =>
      t.c.db
        .selectFrom('notifications')
        .selectAll()
        .where('person_id', '=', personId)
        .where('kind', '=', kind)
        .where('link', '=', `/roll-calls/${rollCallId}`)
        .orderBy('created_at')
        .execute();

    for (const [day, time] of MOMENTS) {
      const drillTimed =
        `at ${time}: a drill with two visitors inside — every class reports, one with "all present", ` +
        'the visitors are accounted for, and the drill’s evacuation time is the last report’s';
      it(drillTimed, async () => {
        const t0 = localToUtc(day, time, SH);
        clock.set(new Date(t0.getTime() - 10 * 60 * SECOND));
        const visit = (name: string) =>
          gate.post('/api/v1/visitors', { unitId: s1, name, idNumber: '110101199003074512', purpose: '送货' });
        const v1 = await visit('访客甲');
        const v2 = await visit('访客乙');
        const gone = await visit('访客丙');
        assert.equal(v1.statusCode, 201, v1.body);
        assert.equal(v2.statusCode, 201);
        assert.equal((await gate.post(`/api/v1/visitors/${gone.json().id}/check-out`, {})).statusCode, 200);

        const drill = await head.post('/api/v1/drills', {
          unitId: s1,
          type: 'fire_evacuation',
          plannedDate: day,
          title: '消防疏散演练',
        });
        assert.equal(drill.statusCode, 201, drill.body);
        clock.set(t0);
        const started = await start(head, { drillId: drill.json().id });
        assert.equal(started.drill, true);
        assert.equal(started.targetSeconds, 120, 'the school’s evacuation target from the rule book');
        assert.equal(started.counts.total, CLASSES * PUPILS + 2);
        assert.deepEqual(
          started.groups.map((g: Group) => [g.kind, g.name, g.total]),
          [...classIds.map((_, i) => ['class', `三年级${i + 1}班`, PUPILS]), ['visitors', '在校访客', 2]],
        );
        const twice = await safety.post('/api/v1/roll-calls', { unitId: s1 });
        assert.equal(twice.statusCode, 409);
        assert.equal(twice.json().errors[0].field, 'unitId');

        // The teachers were told at once: their list waits on the phone.
        const told = await inbox(teachers[3]!.me.personId, 'roll-call.started', started.id);
        assert.equal(told.at(-1)?.link, `/roll-calls/${started.id}`);
        assert.equal(told.at(-1)?.priority, 'urgent');

        // Classes 1–5 report between 30 s and 80 s: class 2 "all present" (one request), the others child by child.
        for (let i = 0; i < CLASSES - 1; i++) {
          at((30 + i * 10) * SECOND, t0);
          const mine = await group(teachers[i]!, started.id, classIds[i]!);
          if (i === 1) await send(teachers[i]!, started.id, taps(mine));
          else for (const s of mine) await send(teachers[i]!, started.id, taps([s]));
        }
        at(85 * SECOND, t0);
        const visitors = await group(gate, started.id, 'visitors');
        assert.deepEqual(visitors.map((v) => v.name).sort(), ['访客乙', '访客甲']);
        await send(gate, started.id, taps(visitors));
        let now = await rollCall(started.id);
        assert.equal(now.completedAt, null, 'one class has not reported');
        assert.equal(now.counts.notReported, PUPILS);
        assert.deepEqual(
          now.groups.map((g: Group) => g.notReported),
          [0, 0, 0, 0, 0, PUPILS, 0],
        );

        // The last class taps at 95 s but its phone is offline; it sends at 100 s. The time is the tap's.
        at(95 * SECOND, t0);
        const last = taps(await group(teachers[5]!, started.id, classIds[5]!));
        at(100 * SECOND, t0);
        const result = await send(teachers[5]!, started.id, last);
        assert.equal(result.stored, PUPILS);
        now = result.rollCall;
        assert.equal(now.counts.accounted, CLASSES * PUPILS + 2);
        assert.equal(now.counts.missing, 0);
        assert.equal(now.completedAt, new Date(t0.getTime() + 95 * SECOND).toISOString());
        assert.equal(now.evacuationSeconds, 95);
        assert.equal(now.onTarget, true);
        const timed = (await head.get(`/api/v1/drills/${drill.json().id}`)).json();
        assert.equal(timed.evacuationSeconds, 95, 'the drill’s evacuation time, written by the server');
        // Recording the drill afterwards keeps the measured time when none is typed.
        at(20 * 60 * SECOND, t0);
        const recorded = await head.post(`/api/v1/drills/${drill.json().id}/record`, {
          startedAt: t0.toISOString(),
          endedAt: new Date(t0.getTime() + 15 * 60 * SECOND).toISOString(),
          participants: 40,
          evaluation: '疏散有序',
        });
        assert.equal(recorded.statusCode, 200, recorded.body);
        assert.equal(recorded.json().evacuationSeconds, 95);
        await close(started.id);
        await gate.post(`/api/v1/visitors/${v1.json().id}/check-out`, {});
        await gate.post(`/api/v1/visitors/${v2.json().id}/check-out`, {});
        // A visit purged after its retention leaves the closed roll call too; the purge is not held up.
        await t.c.db.transaction().execute((tx) => t.c.visitors.onPurge(tx, v1.json().id));
        const kept = await rollCall(started.id);
        assert.equal(kept.counts.total, CLASSES * PUPILS + 1);
        assert.equal(kept.completedAt, now.completedAt, 'the measured time stays');
      });

      const missingChild =
        `at ${time}: a real evacuation with one child missing — the head and the handler are alerted ` +
        'within seconds, the child is found and marked, the alert closes, the counts right throughout';
      it(missingChild, async () => {
        const t0 = localToUtc(day, time, SH);
        clock.set(new Date(t0.getTime() + 30 * 60 * SECOND));
        const reported = await reporter.post('/api/v1/incidents', {
          unitId: s1,
          type: 'fire',
          severity: 3,
          place: '教学楼三层',
          description: '三层实验室起火，全校疏散',
        });
        assert.equal(reported.statusCode, 201, reported.body);
        const incident = reported.json();
        const ack = await safety.post(`/api/v1/incidents/${incident.id}/steps/${incident.steps[0].id}/acknowledge`);
        assert.equal(ack.statusCode, 204, ack.body);

        const t1 = new Date(t0.getTime() + 31 * 60 * SECOND);
        // On duty now (the duty roster): the head leading, teacher 1 as duty staff.
        const shift = await safety.post('/api/v1/duty/shifts', {
          unitId: s1,
          startsAt: new Date(t1.getTime() - 60 * 60 * SECOND).toISOString(),
          endsAt: new Date(t1.getTime() + 60 * 60 * SECOND).toISOString(),
          dutyLeaderId: head.me.personId,
          staffIds: [reporter.me.personId],
        });
        assert.equal(shift.statusCode, 201, shift.body);
        clock.set(t1);
        const started = await start(safety, { incidentId: incident.id });
        assert.equal(started.drill, false);
        assert.equal(started.counts.total, CLASSES * PUPILS + 2);
        assert.deepEqual(started.groups.at(-1), {
          ...started.groups.at(-1),
          groupKey: 'staff',
          kind: 'staff',
          total: 2,
        });
        assert.equal(
          (await teachers[1]!.get(`/api/v1/roll-calls/${started.id}/groups/staff`)).statusCode,
          404,
          'a class teacher does not open the staff list',
        );
        const listed = (await head.get(`/api/v1/roll-calls?unitId=${s1}&incidentId=${incident.id}`)).json();
        assert.deepEqual(
          listed.items.map((r: { id: string }) => r.id),
          [started.id],
        );

        const third = await group(teachers[2]!, started.id, classIds[2]!);
        const lost = third[0]!;
        at(40 * SECOND, t1);
        await send(teachers[2]!, started.id, [...taps([lost], 'missing'), ...taps(third.slice(1))]);
        for (const [who, personId] of [
          ['head', head.me.personId],
          ['handler', safety.me.personId],
        ] as const) {
          const alerts = await inbox(personId, 'roll-call.missing', started.id);
          assert.equal(alerts.length, 1, who);
          const alert = alerts[0]!;
          assert.equal(alert.priority, 'urgent', `${who}: an alert, never held behind routine messages`);
          assert.ok(
            Date.parse(alert.created_at) - (t1.getTime() + 40 * SECOND) <= 5 * SECOND,
            `${who}: within seconds`,
          );
          assert.match(alert.title, /三年级3班：1 人失踪/);
          assert.doesNotMatch(`${alert.title} ${alert.body}`, new RegExp(lost.name), 'no child named in a message');
          const deliveries = await t.c.db
            .selectFrom('deliveries')
            .select(['priority'])
            .where('notification_id', '=', alert.id)
            .execute();
          assert.ok(deliveries.length >= 1, `${who}: sent through their channels`);
          assert.ok(deliveries.every((d) => d.priority === 'urgent'));
        }
        let now = await rollCall(started.id);
        assert.deepEqual([now.counts.missing, now.counts.accounted, now.counts.notReported], [1, PUPILS - 1, 27]);
        assert.deepEqual(
          now.alerts.map((a: { groupKey: string; closedAt: string | null }) => [a.groupKey, a.closedAt]),
          [[classIds[2], null]],
        );

        for (const i of [0, 1, 3, 4, 5]) {
          at((50 + i * 5) * SECOND, t1);
          await send(teachers[i]!, started.id, taps(await group(teachers[i]!, started.id, classIds[i]!)));
        }
        now = await rollCall(started.id);
        assert.deepEqual([now.counts.missing, now.counts.accounted, now.counts.notReported], [1, 29, 2]);
        assert.equal(now.completedAt, null, 'the staff on duty are not accounted for yet');
        at(80 * SECOND, t1);
        const staff = await group(head, started.id, 'staff');
        const onDuty = await t.c.db
          .selectFrom('people')
          .select('name')
          .where('id', 'in', [head.me.personId, reporter.me.personId])
          .execute();
        assert.deepEqual(staff.map((p) => p.name).sort(), onDuty.map((p) => p.name).sort());
        await send(head, started.id, taps(staff));
        now = await rollCall(started.id);
        assert.deepEqual([now.counts.missing, now.counts.accounted, now.counts.notReported], [1, 31, 0]);
        assert.equal(now.completedAt, new Date(t1.getTime() + 80 * SECOND).toISOString(), 'every group reported');

        // Four minutes later the child is found by the teacher and marked present.
        at(4 * 60 * SECOND, t1);
        await send(teachers[2]!, started.id, taps([lost]));
        for (const personId of [head.me.personId, safety.me.personId]) {
          const found = await inbox(personId, 'roll-call.found', started.id);
          assert.equal(found.length, 1);
          assert.match(found[0]!.title, /三年级3班：1 人已找到/);
        }
        now = await rollCall(started.id);
        assert.deepEqual([now.counts.missing, now.counts.accounted, now.counts.notReported], [0, 32, 0]);
        assert.equal(now.alerts[0].closedAt, new Date(t1.getTime() + 4 * 60 * SECOND).toISOString());
        assert.equal(now.completedAt, new Date(t1.getTime() + 80 * SECOND).toISOString(), 'unchanged by the finding');
        const child = (await group(teachers[2]!, started.id, classIds[2]!)).find(
          (s) => s.subjectId === lost.subjectId,
        )!;
        assert.deepEqual(
          child.history.map((h) => h.status),
          ['missing', 'present'],
        );
        await close(started.id);
      });
    }

    it('starting: only the school’s head or safety officer; a drill of another unit refused, named', async () => {
      clock.set('2027-04-13T00:30:00Z');
      assert.equal((await teachers[0]!.post('/api/v1/roll-calls', { unitId: s1 })).statusCode, 403);
      assert.equal((await gate.post('/api/v1/roll-calls', { unitId: s1 })).statusCode, 403);
      const above = await t.signIn('cs1.head');
      assert.equal((await above.post('/api/v1/roll-calls', { unitId: s1 })).statusCode, 403, 'not from above');
      const k1 = await unitIdByName(t, '城关镇中心幼儿园');
      const k1Head = await t.signIn('k1.head');
      const otherDrill = await k1Head.post('/api/v1/drills', {
        unitId: k1,
        type: 'fire_evacuation',
        plannedDate: '2027-04-13',
        title: '演练',
      });
      const refused = await head.post('/api/v1/roll-calls', { unitId: s1, drillId: otherDrill.json().id });
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(
        refused.json().errors.map((e: { field: string }) => e.field),
        ['drillId'],
      );
      const empty = await k1Head.post('/api/v1/roll-calls', { unitId: k1 }, { 'accept-language': 'en' });
      assert.equal(empty.statusCode, 422, 'a kindergarten without a roster has nobody to account for');
      assert.match(empty.json().errors[0].message, /class rosters/);
      const count = await t.c.db
        .selectFrom('roll_calls')
        .select((e) => e.fn.countAll().as('n'))
        .where('state', '=', 'open')
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0, 'nothing started');
    });

    const onceAndBoth =
      'a batch sent twice is stored once; two teachers’ marks both stay, the later tap wins; closed refuses';
    it(onceAndBoth, async () => {
      const t0 = new Date('2027-04-13T02:00:00Z');
      clock.set(t0);
      const started = await start(head, {});
      const mine = await group(teachers[0]!, started.id, classIds[0]!);
      at(20 * SECOND, t0);
      const batch = taps(mine);
      const first = await send(teachers[0]!, started.id, batch);
      assert.deepEqual([first.stored, first.repeated], [PUPILS, 0]);
      at(25 * SECOND, t0);
      // Live events go out together once per tick (on PostgreSQL through NOTIFY): wait for this one.
      const heardOf = () => live.some((e) => e.kind === 'roll-call' && e.rollCallId === started.id);
      for (let i = 0; i < 100 && !heardOf(); i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(
        live.some((e) => e.kind === 'roll-call' && e.rollCallId === started.id && e.unitPath.includes(s1)),
        'the head’s screen and the units above hear of the marks',
      );
      const heard = live.length;
      const again = await send(teachers[0]!, started.id, batch);
      assert.deepEqual([again.stored, again.repeated], [0, PUPILS]);
      await new Promise((r) => setTimeout(r, 20));
      assert.ok(!live.slice(heard).some((e) => e.kind === 'roll-call'), 'nothing changed, nothing to re-read');
      const count = async () =>
        Number(
          (
            await t.c.db
              .selectFrom('roll_call_marks')
              .select((e) => e.fn.countAll().as('n'))
              .where('roll_call_id', '=', started.id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.equal(await count(), PUPILS);

      // The head marks a child injured, tapped at 40 s; the teacher's offline tap of 35 s (absent) arrives at 60 s.
      const child = mine[1]!;
      at(40 * SECOND, t0);
      await send(head, started.id, taps([child], 'injured'));
      const offline = taps([child], 'absent');
      offline[0]!.markedAt = new Date(t0.getTime() + 35 * SECOND).toISOString();
      at(60 * SECOND, t0);
      await send(teachers[0]!, started.id, offline);
      let seen = (await group(teachers[0]!, started.id, classIds[0]!)).find((s) => s.subjectId === child.subjectId)!;
      assert.equal(seen.status, 'injured', 'the later tap wins, not the later arrival');
      assert.deepEqual(
        seen.history.map((h) => h.status),
        ['present', 'absent', 'injured'],
      );
      at(70 * SECOND, t0);
      await send(teachers[0]!, started.id, taps([child], 'present'));
      seen = (await group(teachers[0]!, started.id, classIds[0]!)).find((s) => s.subjectId === child.subjectId)!;
      assert.equal(seen.status, 'present');
      assert.equal(seen.history.length, 4);

      // A key used again for another mark is refused, named.
      const reused = await teachers[0]!.post(`/api/v1/roll-calls/${started.id}/marks`, {
        marks: [{ ...batch[0], status: 'missing' }],
      });
      assert.equal(reused.statusCode, 409);
      assert.equal(reused.json().errors[0].field, 'marks.0.key');

      await close(started.id);
      const late = await teachers[0]!.post(
        `/api/v1/roll-calls/${started.id}/marks`,
        { marks: taps([mine[2]!], 'absent') },
        { 'accept-language': 'en' },
      );
      assert.equal(late.statusCode, 409, late.body);
      assert.equal(late.json().errors[0].field, 'marks.0');
      assert.match(late.json().errors[0].message, /roll call closed at/);
      const resent = await send(teachers[0]!, started.id, batch);
      assert.deepEqual([resent.stored, resent.repeated], [0, PUPILS], 'what was stored before closing is acknowledged');
      assert.equal(await count(), PUPILS + 3);
    });

    it('a teacher sees only their class’s names; above the school counts only; every look logged', async () => {
      const t0 = new Date('2027-04-14T02:00:00Z');
      clock.set(t0);
      const started = await start(head, {});
      const looks = async () =>
        (await t.c.db.selectFrom('access_log').selectAll().where('entity', '=', 'roll-call').orderBy('at').execute())
          .map((r) => ({ who: r.actor_label, detail: JSON.parse(r.detail_json!) }))
          .filter((r) => r.detail.rollCallId === started.id);

      const own = await teachers[1]!.get(`/api/v1/roll-calls/${started.id}`);
      assert.deepEqual(
        own.json().groups.map((g: Group) => g.mine),
        classIds.map((_, i) => i === 1),
      );
      assert.equal((await teachers[1]!.get(`/api/v1/roll-calls/${started.id}/groups/${classIds[0]}`)).statusCode, 404);
      const stranger = await teachers[1]!.post(`/api/v1/roll-calls/${started.id}/marks`, {
        marks: taps((await group(head, started.id, classIds[0]!)).slice(0, 1)),
      });
      assert.equal(stranger.statusCode, 403, 'a teacher does not mark another class');
      await group(teachers[1]!, started.id, classIds[1]!);

      for (const username of ['cs1.head', 'bureau.safety']) {
        const above = await t.signIn(username);
        const counts = await above.get(`/api/v1/roll-calls/${started.id}`);
        assert.equal(counts.statusCode, 200, username);
        assert.equal(counts.json().counts.total, CLASSES * PUPILS);
        assert.ok(!counts.body.includes('学生'), `${username}: no child named in the counts`);
        assert.ok(
          counts.json().groups.every((g: Group) => !g.mine),
          username,
        );
        const names = await above.get(`/api/v1/roll-calls/${started.id}/groups/${classIds[1]}`);
        assert.equal(names.statusCode, 404, username);
      }
      const elsewhere = await t.signIn('s4.head');
      assert.equal((await elsewhere.get(`/api/v1/roll-calls/${started.id}`)).statusCode, 404);
      assert.equal((await elsewhere.get(`/api/v1/roll-calls/${started.id}/groups/${classIds[1]}`)).statusCode, 404);
      assert.equal((await elsewhere.get(`/api/v1/roll-calls?unitId=${s1}`)).statusCode, 404);
      assert.equal((await elsewhere.post(`/api/v1/roll-calls/${started.id}/close`)).statusCode, 404);

      const logged = await looks();
      assert.deepEqual(
        logged.map((l) => [l.who, l.detail.group, l.detail.people]),
        [
          ['s1.head', classIds[0], PUPILS],
          ['s1.teacher2', classIds[1], PUPILS],
        ],
      );
      assert.ok(!logged.some((l) => JSON.stringify(l.detail).includes('学生')), 'no name in the log');

      // A pupil purged from the roster leaves the roll call with every mark; the purge keeps working.
      const leaving = (await group(head, started.id, classIds[1]!))[0]!;
      await send(teachers[1]!, started.id, taps([leaving], 'absent'));
      const pupil = await t.c.db
        .selectFrom('roll_call_subjects')
        .select('pupil_id')
        .where('id', '=', leaving.subjectId)
        .executeTakeFirstOrThrow();
      assert.equal((await teachers[1]!.delete(`/api/v1/rosters/pupils/${pupil.pupil_id}`)).statusCode, 204);
      const after = await rollCall(started.id);
      assert.equal(after.counts.total, CLASSES * PUPILS - 1);
      assert.equal(after.counts.absent, 0);
      assert.ok(!(await group(head, started.id, classIds[1]!)).some((s) => s.subjectId === leaving.subjectId));
      const marks = await t.c.db
        .selectFrom('roll_call_marks')
        .select('id')
        .where('subject_id', '=', leaving.subjectId)
        .execute();
      assert.deepEqual(marks, []);
      await close(started.id);
    });
  });
}
