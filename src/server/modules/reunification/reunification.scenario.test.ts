import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { configureVendors, personIdOf, setContacts, startReachApp } from '../../../../test/helpers/reach.js';
import type { VendorReceiver } from '../../../../test/receivers/vendor-receiver.js';
import { transactionWithHooks } from '../../db/database.js';
import type { FakeClock } from '../../lib/clock.js';
import type { LiveEvent } from '../../notify/live-bus.js';

/*
 * Reunification after a real fire at a primary school: one child is collected by an adult on the
 * list, another is asked for by someone who is not; guardians are sent the point by SMS, the head is
 * alerted of the refusal, and release staff see the children only while it is open.
 */
const T0 = new Date('2027-03-02T02:00:00.000Z');
const MOTHER = { name: '李娜', relation: '母亲', mobile: '13800001111', idLast4: '123x' };
const FATHER = { name: '王强', relation: '父亲', mobile: '+86 139 0000 2222', guardian: true, mayCollect: false };
const GRANDPA = { name: '王建国', relation: '祖父', mobile: '13600004444', idLast4: '5555', guardian: false };
const RED_MOTHER = { name: '钱芳', relation: '母亲', mobile: '13700003333', idLast4: '9876' };

for (const dialect of dialectsUnderTest()) {
  describe(`reunification: released to the list, refused otherwise, the head told (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let v: VendorReceiver;
    let close: () => Promise<void>;
    let head: Client;
    let gate: Client;
    let teacher: Client;
    let s1: string;
    let classA: string;
    let classB: string;
    let ming: string;
    let hong: string;
    let incidentId: string;
    let id: string;
    let gateId: string;
    let headId: string;
    const events: LiveEvent[] = [];

    const accessRows = () =>
      t.c.db
        .selectFrom('access_log')
        .selectAll()
        .where('entity', '=', 'reunification')
        .orderBy('at')
        .orderBy('id')
        .execute();

    before(async () => {
      ({ t, clock, v, close } = await startReachApp(dialect, T0));
      const admin = await t.signIn('admin');
      await configureVendors(admin, v, ['aliyun_sms']);
      s1 = await unitIdByName(t, '城关镇第一小学');
      headId = await personIdOf(t, 's1.head');
      gateId = await personIdOf(t, 's1.gate');
      await setContacts(admin, headId, [{ channel: 'sms', mobile: '13800138000' }]);
      head = await t.signIn('s1.head');
      gate = await t.signIn('s1.gate');
      teacher = await t.signIn('s1.teacher1');
      const safety = await t.signIn('s1.safety');
      const teacherId = await personIdOf(t, 's1.teacher1');
      classA = (
        await safety.post('/api/v1/rosters/classes', { unitId: s1, name: '三年级1班', teacherPersonId: teacherId })
      ).json().id;
      classB = (await safety.post('/api/v1/rosters/classes', { unitId: s1, name: '三年级2班' })).json().id;
      const a = await safety.post('/api/v1/rosters/pupils', {
        classId: classA,
        name: '王小明',
        adults: [MOTHER, FATHER, GRANDPA],
      });
      assert.equal(a.statusCode, 201, a.body);
      ming = a.json().id;
      hong = (
        await safety.post('/api/v1/rosters/pupils', { classId: classB, name: '赵小红', adults: [RED_MOTHER] })
      ).json().id;
      const fire = await safety.post('/api/v1/incidents', {
        unitId: s1,
        type: 'fire',
        severity: 3,
        place: '教学楼二层',
        description: '二层走廊起火，全校疏散。',
      });
      assert.equal(fire.statusCode, 201, fire.body);
      incidentId = fire.json().id;
      await t.c.deliveries.tick();
      v.received.length = 0;
      t.c.bus.subscribe((batch) => events.push(...batch.events.map((e) => e.event)));
    });
    after(() => close());

    it('the head or safety officer opens one for a real incident of the school, with its people', async () => {
      const body = { unitId: s1, incidentId, point: '东门运动场', staffPersonIds: [gateId] };
      assert.equal((await gate.post('/api/v1/reunifications', body)).statusCode, 403);
      const above = await t.signIn('cs1.head');
      assert.equal((await above.post('/api/v1/reunifications', body)).statusCode, 403);
      const outsider = await head.post('/api/v1/reunifications', {
        ...body,
        staffPersonIds: [await personIdOf(t, 'cs1.safety')],
      });
      assert.equal(outsider.statusCode, 422);
      assert.equal(outsider.json().errors[0].field, 'staffPersonIds');

      const opened = await head.post('/api/v1/reunifications', body);
      assert.equal(opened.statusCode, 201, opened.body);
      id = opened.json().id;
      assert.deepEqual(opened.json().counts, { pupils: 2, released: 0, absent: 0, waiting: 2, refused: 0 });
      assert.deepEqual(
        opened.json().staff.map((s: { id: string }) => s.id),
        [gateId],
      );
      assert.equal((await head.post('/api/v1/reunifications', body)).statusCode, 409, 'one open at a time');
    });

    it('guardians are sent the point by SMS: mother and father, not the grandfather who only collects', async () => {
      await t.c.deliveries.tick();
      const sms = v.received.filter((m) => m.vendor === 'aliyun_sms');
      const guardians = sms.filter((m) => m.to !== '+8613800138000').map((m) => m.to);
      assert.deepEqual(guardians.sort(), ['+8613700003333', '+8613800001111', '+8613900002222']);
      for (const m of sms.filter((x) => guardians.includes(x.to))) {
        assert.match(m.params.title!, /东门运动场/);
        assert.doesNotMatch(JSON.stringify(m), /王小明|赵小红/);
      }
      const rows = await t.c.db.selectFrom('deliveries').selectAll().where('person_id', 'like', 'to:%').execute();
      assert.equal(rows.length, 3);
      assert.ok(rows.every((r) => r.state === 'sent' && r.channel === 'sms'));
    });

    it('release staff find a child with who may collect (names only), from their to-do', async () => {
      const todo = (await gate.get('/api/v1/me/todo')).json();
      const item = todo.items.find((i: { kind: string }) => i.kind === 'reunification_release');
      assert.equal(item.route, `/reunifications/${id}`);
      const found = await gate.get(`/api/v1/reunifications/${id}/pupils?q=${encodeURIComponent('小明')}`);
      assert.equal(found.statusCode, 200, found.body);
      assert.deepEqual(found.json(), [
        {
          id: ming,
          name: '王小明',
          className: '三年级1班',
          state: 'waiting',
          collectors: [
            { name: '李娜', relation: '母亲', check: found.json()[0].collectors[0].check },
            { name: '王建国', relation: '祖父', check: found.json()[0].collectors[1].check },
          ],
        },
      ]);
      assert.match(found.json()[0].collectors[0].check, /^[0-9a-f]{64}$/, 'a check value, not the digits');
      assert.doesNotMatch(found.body, /1380000|123X/, 'no mobile or ID digits');
      const seen = (await gate.get(`/api/v1/reunifications/${id}`)).json();
      assert.equal(seen.releases, null, 'staff see the counts, not the lists');
    });

    it('an adult on the list is released: time and staff recorded, the waiting count down by one, live', async () => {
      events.length = 0;
      clock.set(new Date(T0.getTime() + 20 * 60_000));
      const res = await gate.post(`/api/v1/reunifications/${id}/releases`, {
        pupilId: ming,
        adult: { name: ' 李娜 ', mobile: '+86 138-0000-1111', idLast4: '123x' },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().counts.waiting, 1);
      assert.equal(res.json().adultName, '李娜');
      const row = await t.c.db
        .selectFrom('reunification_pupils')
        .selectAll()
        .where('pupil_id', '=', ming)
        .executeTakeFirstOrThrow();
      assert.equal(row.staff_person_id, gateId);
      assert.equal(row.at, clock.now().toISOString());
      assert.equal(row.state, 'released');
      const heard = () => events.some((e) => e.kind === 'reunification' && e.reunificationId === id);
      for (let i = 0; i < 100 && !heard(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.ok(heard(), 'the head’s screen is told');
      const again = await gate.post(`/api/v1/reunifications/${id}/releases`, {
        pupilId: ming,
        adult: { name: '李娜', mobile: '13800001111', idLast4: '123X' },
      });
      assert.equal(again.statusCode, 409, 'not released twice');
    });

    it('someone not on the list is refused, named checks only, and the head is alerted at once', async () => {
      v.received.length = 0;
      const res = await gate.post(
        `/api/v1/reunifications/${id}/releases`,
        { pupilId: hong, adult: { name: '张伟', mobile: '13700003333', idLast4: '0000' } },
        { 'accept-language': 'en' },
      );
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        ['adult.name', 'adult.idLast4'],
      );
      assert.match(res.json().title, /do not hand the child over/);
      assert.doesNotMatch(res.body, /钱芳|9876/, 'the list is not revealed');
      const [refusal] = await t.c.db.selectFrom('reunification_refusals').selectAll().execute();
      assert.equal(refusal!.name_given, '张伟');
      assert.equal(refusal!.mobile_given, '+8613700003333');
      assert.equal(refusal!.staff_person_id, gateId);
      assert.equal(
        (await t.c.db.selectFrom('reunification_pupils').select('id').where('pupil_id', '=', hong).execute()).length,
        0,
      );
      const inbox = await t.c.db
        .selectFrom('notifications')
        .selectAll()
        .where('person_id', '=', headId)
        .where('kind', '=', 'reunification.refused')
        .execute();
      assert.equal(inbox.length, 1);
      assert.equal(inbox[0]!.priority, 'urgent');
      await t.c.deliveries.tick();
      const alert = v.received.find((m) => m.to === '+8613800138000');
      assert.ok(alert, 'the head’s SMS went out in the same tick');
      assert.match(alert.params.title!, /三年级2班/);
      assert.doesNotMatch(JSON.stringify(alert), /赵小红/, 'no child’s name in the SMS');
      const view = (await head.get(`/api/v1/reunifications/${id}`)).json();
      assert.deepEqual(view.counts, { pupils: 2, released: 1, absent: 0, waiting: 1, refused: 1 });
      assert.equal(view.releases[0].pupilName, '王小明');
      const gateName = (await t.c.db.selectFrom('people').select('name').where('id', '=', gateId).executeTakeFirst())!;
      assert.equal(view.releases[0].staffName, gateName.name);
      assert.equal(view.releases[0].adultName, '李娜');
      assert.deepEqual(view.refusals[0].failed, ['name', 'idLast4']);
    });

    it('a teacher not releasing, and units above, get no names', async () => {
      for (const client of [teacher, await t.signIn('cs1.head'), await t.signIn('bureau.safety')]) {
        assert.equal((await client.get(`/api/v1/reunifications/${id}`)).statusCode, 404);
        assert.equal(
          (await client.get(`/api/v1/reunifications/${id}/pupils?q=${encodeURIComponent('小')}`)).statusCode,
          404,
        );
        const tried = await client.post(`/api/v1/reunifications/${id}/releases`, {
          pupilId: hong,
          adult: { name: '钱芳', mobile: '13700003333', idLast4: '9876' },
        });
        assert.equal(tried.statusCode, 404);
      }
      assert.deepEqual((await teacher.get(`/api/v1/reunifications?unitId=${s1}`)).json(), []);
    });

    it('every look at names is logged, without the names', async () => {
      const rows = await accessRows();
      const labels = rows.map((r) => r.actor_label);
      assert.equal(labels.filter((l) => l === 's1.gate').length, 3, 'search, release, refusal');
      assert.ok(labels.includes('s1.head'));
      assert.ok(!rows.some((r) => /王小明|赵小红|李娜|钱芳|张伟/.test(r.detail_json ?? '')));
      assert.ok(rows.some((r) => JSON.parse(r.detail_json!).check === 'refused'));
    });

    it('closing ends release staff’s access; only the head or safety officer closes', async () => {
      assert.equal((await gate.post(`/api/v1/reunifications/${id}/close`)).statusCode, 403);
      assert.equal((await head.post(`/api/v1/reunifications/${id}/close`)).statusCode, 204);
      assert.equal((await gate.get(`/api/v1/reunifications/${id}`)).statusCode, 404);
      assert.equal(
        (await gate.get(`/api/v1/reunifications/${id}/pupils?q=${encodeURIComponent('小')}`)).statusCode,
        404,
      );
      const late = await gate.post(`/api/v1/reunifications/${id}/releases`, {
        pupilId: hong,
        adult: { name: '钱芳', mobile: '13700003333', idLast4: '9876' },
      });
      assert.equal(late.statusCode, 404);
      const todo = (await gate.get('/api/v1/me/todo')).json();
      assert.ok(!todo.items.some((i: { kind: string }) => i.kind === 'reunification_release'));
      const kept = (await head.get(`/api/v1/reunifications/${id}`)).json();
      assert.equal(kept.status, 'closed');
      assert.equal(kept.releases.length, 1, 'the head still sees the record');
    });

    it('a large school’s guardians are queued in one go, past both databases’ statement parameter limits', async () => {
      const mobiles = Array.from({ length: 3000 }, (_, i) => `+86135${String(i).padStart(8, '0')}`);
      const told = await transactionWithHooks(t.c.db, (tx) =>
        t.c.notifier.tellMobiles(
          tx,
          headId,
          [...mobiles, mobiles[0]!],
          { kind: 'reunification.guardians', locale: 'zh-CN', link: null, title: '测试', body: '测试' },
          clock.now(),
        ),
      );
      assert.equal(told, 3000, 'each mobile once');
      const queued = await t.c.db
        .selectFrom('deliveries')
        .select((e) => e.fn.countAll().as('n'))
        .where('person_id', 'like', 'to:+86135%')
        .executeTakeFirstOrThrow();
      assert.equal(Number(queued.n), 3000);
    });

    it('a pupil who leaves is purged with their release and refusal rows', async () => {
      const safety = await t.signIn('s1.safety');
      assert.equal((await safety.delete(`/api/v1/rosters/pupils/${ming}`)).statusCode, 204);
      assert.equal((await safety.delete(`/api/v1/rosters/pupils/${hong}`)).statusCode, 204);
      assert.equal((await t.c.db.selectFrom('reunification_pupils').select('id').execute()).length, 0);
      assert.equal((await t.c.db.selectFrom('reunification_refusals').select('id').execute()).length, 0);
    });
  });
}
