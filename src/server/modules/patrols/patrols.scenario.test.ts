import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';
import { nightWindow } from './patrol-times.js';

/*
 * A school in Shanghai and one moved to Berlin, each on the school template (patrol window
 * 22:00–06:00, five patrols a night of which two unannounced), with checkpoints. The clock is fake:
 * the tests walk through a night, then through thirty more.
 */

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
// 10:00 on 1 March in Shanghai.
const T0 = new Date('2027-03-01T02:00:00.000Z');
const at = (local: string, zone = SHANGHAI) => DateTime.fromISO(local, { zone }).toJSDate();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function form(content: Buffer, filename: string, type: string) {
  const boundary = '----steadypatrol';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; ` +
        `filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface PatrolView {
  id: string;
  kind: string;
  state: string;
  dueAt: string | null;
  checked: number;
  of: number;
}

for (const dialect of dialectsUnderTest()) {
  describe(`patrols (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let dataDir: string;
    let s1: string;
    let s2: string;
    let s4: string;
    let duty: Client;
    const points: { id: string; name: string; checkInUrl: string }[] = [];

    const tick = async (when: Date) => {
      clock.set(when);
      await t.c.engine.tick();
    };
    const notes = async (who: Client, kind: string) =>
      (await who.get('/api/v1/notifications?pageSize=200'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === kind) as { title: string; body: string; link: string }[];
    const night = async (unitId: string, date: string): Promise<PatrolView[]> => {
      const res = await duty.get(`/api/v1/units/${unitId}/patrols?night=${date}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().patrols;
    };
    const publishSchoolPlan = async (code: string, unitId: string) => {
      const plan = (
        await (await t.signIn(`${code}.safety`)).post('/api/v1/plans', { unitId, template: 'school' })
      ).json();
      assert.equal(plan.content.duty.patrolWindow.start, '22:00');
      const published = await (await t.signIn(`${code}.head`)).post(`/api/v1/plans/${plan.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);
    };

    before(async () => {
      clock = new FakeClock(T0);
      dataDir = mkdtempSync(join(tmpdir(), 'steady-patrols-'));
      t = await createTestApp(dialect, {
        demo: true,
        clock,
        env: { STEADY_DATA_DIR: dataDir, STEADY_PUBLIC_URL: 'https://steady.example.org' },
      });
      s1 = await unitIdByName(t, '城关镇第一小学');
      s2 = await unitIdByName(t, '城关镇第二小学');
      s4 = await unitIdByName(t, '石桥镇中心小学');
      const admin = await t.signIn('admin');
      assert.equal((await admin.patch(`/api/v1/units/${s4}`, { timeZone: BERLIN })).statusCode, 200);
      await publishSchoolPlan('s1', s1);
      await publishSchoolPlan('s4', s4);
      const safety = await t.signIn('s1.safety');
      for (const [name, locationHint] of [
        ['东门', '门卫室外墙'],
        ['教学楼一楼', '东侧楼梯口'],
        ['食堂后门', ''],
      ]) {
        const res = await safety.post('/api/v1/patrol-checkpoints', { unitId: s1, name, locationHint });
        assert.equal(res.statusCode, 201, res.body);
        points.push(res.json());
      }
      const s4safety = await t.signIn('s4.safety');
      for (const name of ['Tor', 'Turnhalle'])
        assert.equal((await s4safety.post('/api/v1/patrol-checkpoints', { unitId: s4, name })).statusCode, 201);
      duty = await t.signIn('s1.teacher1');
    });
    after(async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('checkpoints carry an unguessable check-in address; only those who keep them see it', async () => {
      assert.match(points[0]!.checkInUrl, /^https:\/\/steady\.example\.org\/patrols\/c\/[A-Za-z0-9_-]{22}$/);
      assert.equal(new Set(points.map((p) => p.checkInUrl)).size, 3);
      const list = (await duty.get(`/api/v1/units/${s1}/patrol-checkpoints`)).json();
      assert.equal(list.canManage, false);
      const seen = list.items;
      assert.deepEqual(
        seen.map((p: { name: string }) => p.name),
        ['东门', '教学楼一楼', '食堂后门'],
      );
      assert.ok(
        seen.every((p: { checkInUrl: string | null }) => p.checkInUrl === null),
        'duty staff do not get the codes',
      );
      const sheet = await (await t.signIn('s1.safety')).get(`/api/v1/units/${s1}/patrol-checkpoints/sheet?locale=en`);
      assert.equal(sheet.statusCode, 200);
      assert.match(sheet.headers['content-type'] as string, /text\/html/);
      assert.equal((sheet.body.match(/<svg /g) ?? []).length, 3);
      assert.match(sheet.body, /checkpoint QR codes/);
      assert.equal((await duty.get(`/api/v1/units/${s1}/patrol-checkpoints/sheet`)).statusCode, 403);
    });

    const tonightPlannedOnceThree =
      'tonight is planned at once: three fixed patrols from 22:00 and two unannounced whose times stay secret';
    it(tonightPlannedOnceThree, async () => {
      const tonight = await night(s1, '2027-03-01');
      assert.deepEqual(
        tonight
          .filter((p) => p.kind === 'scheduled')
          .map((p) => DateTime.fromISO(p.dueAt!, { zone: SHANGHAI }).toFormat('HH:mm')),
        ['22:00', '00:40', '03:20'],
      );
      const secret = tonight.filter((p) => p.kind === 'unannounced');
      assert.equal(secret.length, 2);
      assert.ok(secret.every((p) => p.dueAt === null && p.state === 'planned'));
      assert.deepEqual(
        tonight.slice(-2).map((p) => p.kind),
        ['unannounced', 'unannounced'],
        'listed last, so their place gives nothing away',
      );
    });

    it('a prompt goes to the duty staff at the time, and check-ins at every point complete the patrol', async () => {
      await tick(at('2027-03-01T21:59'));
      assert.equal((await notes(duty, 'patrols.prompt')).length, 0);
      await tick(at('2027-03-01T22:00'));
      // An unannounced patrol may fall at 22:00 too; the scheduled one is the subject here.
      const prompts = (await notes(duty, 'patrols.prompt')).filter((n) => n.title.includes('定时巡查时间到'));
      assert.equal(prompts.length, 1);
      assert.match(prompts[0]!.title, /城关镇第一小学/);
      assert.match(prompts[0]!.body, /22:45/);
      assert.ok((await notes(await t.signIn('s1.gate'), 'patrols.prompt')).length >= 1, 'the gate is told too');
      assert.equal((await notes(await t.signIn('s1.head'), 'patrols.prompt')).length, 0, 'the duty leader is not');

      const now = (await duty.get(`/api/v1/units/${s1}/patrols/now`)).json();
      assert.equal(now.open.filter((p: PatrolView) => p.kind === 'scheduled').length, 1);
      assert.equal(now.canCheckIn, true);
      assert.equal(now.checkpoints.length, 3);
      clock.set(at('2027-03-01T22:07'));
      const first = await duty.post('/api/v1/patrol-check-ins', { unitId: s1, checkpointId: points[0]!.id });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().patrol.checked, 1);
      assert.equal(first.json().checkIn.method, 'tap');
      clock.set(at('2027-03-01T22:15'));
      const code = points[1]!.checkInUrl.split('/').pop();
      const scanned = (await duty.post('/api/v1/patrol-check-ins', { code })).json();
      assert.equal(scanned.checkIn.method, 'scan');
      assert.equal(scanned.unitName, '城关镇第一小学');
      assert.equal(scanned.patrol.state, 'open');
      clock.set(at('2027-03-01T22:21'));
      const last = (await duty.post('/api/v1/patrol-check-ins', { unitId: s1, checkpointId: points[2]!.id })).json();
      assert.equal(last.patrol.state, 'done');
      assert.equal(last.patrol.checked, 3);
      const photo = await duty.inject({
        method: 'POST',
        url: `/api/v1/patrol-check-ins/${last.checkIn.id}/photo`,
        ...form(PNG, 'door.png', 'image/png'),
      });
      assert.equal(photo.statusCode, 201, photo.body);
      assert.equal(
        (await duty.get(`/api/v1/patrol-check-ins/${last.checkIn.id}/photo`)).headers['content-type'],
        'image/png',
      );

      await tick(at('2027-03-01T22:46'));
      const sofar = await night(s1, '2027-03-01');
      assert.equal(
        sofar.find((p) => p.kind === 'scheduled' && p.dueAt === at('2027-03-01T22:00').toISOString())!.state,
        'done',
      );
      // Only a patrol that was missed (an unannounced one may have fallen at 22:00 as well) reaches the duty leader.
      assert.equal(
        (await notes(await t.signIn('s1.head'), 'patrols.missed')).length,
        sofar.filter((p) => p.state === 'missed').length,
        'a patrol done in time escalates to nobody',
      );
    });

    const patrolNotDoneTime =
      'a patrol not done in time is marked missed and the duty leader is told which points were not reached';
    it(patrolNotDoneTime, async () => {
      await tick(at('2027-03-02T00:40'));
      duty = await t.signIn('s1.teacher1');
      const open = (await duty.get(`/api/v1/units/${s1}/patrols/now`)).json().open as PatrolView[];
      const patrol = open.find((p) => p.kind === 'scheduled')!;
      assert.ok(patrol, 'the 00:40 patrol is open');
      clock.set(at('2027-03-02T00:50'));
      assert.equal(
        (await duty.post('/api/v1/patrol-check-ins', { unitId: s1, checkpointId: points[0]!.id })).json().patrol.id,
        patrol.id,
      );
      await tick(at('2027-03-02T01:24:59'));
      const head = await t.signIn('s1.head');
      assert.ok(!(await notes(head, 'patrols.missed')).some((n) => n.title.includes('00:40')));
      await tick(at('2027-03-02T01:25'));
      const told = (await notes(head, 'patrols.missed')).filter(
        (n) => n.title.includes('00:40') && n.body.includes('1/3'),
      );
      assert.equal(told.length, 1);
      assert.match(told[0]!.body, /教学楼一楼、食堂后门/);
      assert.equal((await night(s1, '2027-03-01')).find((p) => p.id === patrol.id)!.state, 'missed');
      const late = await duty.post('/api/v1/patrol-check-ins', { unitId: s1, checkpointId: points[1]!.id });
      assert.notEqual(
        late.json().patrol?.id,
        patrol.id,
        'a check-in after the time limit proves nothing for the missed patrol',
      );
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true);
    });

    it('refuses bad input clearly: an unknown code, another unit’s point, a file that is not an image', async () => {
      const en = { 'accept-language': 'en' };
      const unknown = await duty.post('/api/v1/patrol-check-ins', { code: 'not-a-real-code-at-all' }, en);
      assert.equal(unknown.statusCode, 422);
      assert.equal(unknown.json().errors[0].field, 'code');
      assert.match(unknown.json().errors[0].message, /not a known checkpoint/);

      const s2point = (
        await (await t.signIn('s2.safety')).post('/api/v1/patrol-checkpoints', { unitId: s2, name: '南门' })
      ).json();
      const hidden = await duty.post('/api/v1/patrol-check-ins', { unitId: s1, checkpointId: s2point.id });
      assert.equal(hidden.statusCode, 422, 'a point in a unit one cannot see is unknown');
      const supervisor = await t.signIn('cs1.safety');
      const other = await supervisor.post('/api/v1/patrol-check-ins', { unitId: s1, checkpointId: s2point.id });
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().errors[0].field, 'checkpointId');
      assert.match(other.json().errors[0].message, /城关镇第二小学/);

      const both = await duty.post('/api/v1/patrol-check-ins', { unitId: s1 }, en);
      assert.equal(both.statusCode, 400);
      assert.equal(both.json().errors[0].field, 'checkpointId');

      const checkIn = (await duty.post('/api/v1/patrol-check-ins', { unitId: s1, checkpointId: points[2]!.id })).json()
        .checkIn;
      const words = form(Buffer.from('just words, no picture'), 'photo.jpg', 'image/jpeg');
      const text = await duty.inject({
        method: 'POST',
        url: `/api/v1/patrol-check-ins/${checkIn.id}/photo`,
        payload: words.payload,
        headers: { ...words.headers, ...en },
      });
      assert.equal(text.statusCode, 422, text.body);
      assert.equal(text.json().errors[0].field, 'photo');
      assert.match(text.json().errors[0].message, /not an image/);
      const someoneElse = await (
        await t.signIn('s1.gate')
      ).inject({
        method: 'POST',
        url: `/api/v1/patrol-check-ins/${checkIn.id}/photo`,
        ...form(PNG, 'a.png', 'image/png'),
      });
      assert.equal(someoneElse.statusCode, 403, 'only the person who checked in adds its photo');

      const staff = await t.signIn('c1.staff');
      const c1 = await unitIdByName(t, '东门社区');
      const c1point = (
        await (await t.signIn('c1.safety')).post('/api/v1/patrol-checkpoints', { unitId: c1, name: '活动室' })
      ).json();
      assert.equal(
        (await staff.post('/api/v1/patrol-check-ins', { unitId: c1, checkpointId: c1point.id })).statusCode,
        403,
        'staff without a duty role do not patrol',
      );
      assert.equal(
        (await duty.post('/api/v1/patrol-checkpoints', { unitId: s1, name: 'x' })).statusCode,
        403,
        'duty staff do not keep the checkpoints',
      );
    });

    it('the unit page shows the gate’s 24-hour staffing and the night’s patrols done of those due', async () => {
      const summary = (await duty.get(`/api/v1/units/${s1}/patrol-summary`)).json();
      // No roster yet: a gatekeeper and duty staff hold their roles, but nobody is on a shift now, so the
      // unit page says what 当前值班 says (issue #13): nobody on duty.
      assert.deepEqual(summary.gate, { required24h: true, gatekeepers: 1, dutyStaff: 0, staffed: false });
      const nowShifts = async () =>
        (await duty.get(`/api/v1/duty/now?unitId=${s1}`)).json().units.find((u: { unitId: string }) => u.unitId === s1)
          .shifts.length;
      assert.equal(await nowShifts(), 0);
      assert.equal(summary.patrols.nightDate, '2027-03-01');
      assert.equal(
        summary.patrols.planned,
        5 - (await night(s1, '2027-03-01')).filter((p) => p.state === 'cancelled').length,
      );
      assert.equal(summary.patrols.done, 1);
      assert.ok(summary.patrols.missed >= 1);
      assert.ok(summary.patrols.due >= 2 && summary.patrols.due <= summary.patrols.planned);
      assert.equal(summary.patrols.checkpoints, 3);
      const community = (
        await (await t.signIn('c2.safety')).get(`/api/v1/units/${await unitIdByName(t, '南街社区')}/patrol-summary`)
      ).json();
      assert.deepEqual(community.gate, { required24h: false, gatekeepers: 0, dutyStaff: 0, staffed: false });
      assert.equal(community.patrols.window, null);

      // A shift on now: both screens read it, and agree.
      const safety = await t.signIn('s1.safety');
      const head = await t.signIn('s1.head');
      const now = clock.now().getTime();
      const shift = await safety.post('/api/v1/duty/shifts', {
        unitId: s1,
        startsAt: new Date(now - 30 * 60_000).toISOString(),
        endsAt: new Date(now + 30 * 60_000).toISOString(),
        dutyLeaderId: safety.me.personId,
        staffIds: [head.me.personId],
      });
      assert.equal(shift.statusCode, 201, shift.body);
      assert.deepEqual((await duty.get(`/api/v1/units/${s1}/patrol-summary`)).json().gate, {
        required24h: true,
        gatekeepers: 1,
        dutyStaff: 2,
        staffed: true,
      });
      assert.equal(await nowShifts(), 1);
    });

    const dutyRosterPromptGoes =
      'with a duty roster, the prompt goes to the staff on shift (and the gate), a miss to the shift’s duty leader';
    it(dutyRosterPromptGoes, async () => {
      const safety = await t.signIn('s1.safety');
      const head = await t.signIn('s1.head');
      const shift = await safety.post('/api/v1/duty/shifts', {
        unitId: s1,
        startsAt: at('2027-03-02T02:00').toISOString(),
        endsAt: at('2027-03-02T08:00').toISOString(),
        dutyLeaderId: safety.me.personId,
        staffIds: [head.me.personId],
      });
      assert.equal(shift.statusCode, 201, shift.body);
      const prompted = (who: Client) =>
        notes(who, 'patrols.prompt').then((list) => list.filter((n) => n.title.includes('定时巡查时间到')).length);
      const teacher = await t.signIn('s1.teacher1');
      const gate = await t.signIn('s1.gate');
      const before = [await prompted(head), await prompted(teacher), await prompted(gate)];
      await tick(at('2027-03-02T03:20'));
      assert.equal(await prompted(head), before[0]! + 1, 'the rostered staff member is told');
      assert.equal(await prompted(teacher), before[1], 'the duty teacher, off shift, is not');
      assert.equal(await prompted(gate), before[2]! + 1, 'the gate hears of every patrol');
      await tick(at('2027-03-02T04:05'));
      // An unannounced patrol may have been drawn for 03:20 too (its time is random); each missed one is told.
      const missedAt0320 = (await night(s1, '2027-03-01')).filter(
        (p) => p.dueAt === at('2027-03-02T03:20').toISOString() && p.state === 'missed',
      ).length;
      assert.ok(missedAt0320 >= 1, 'the fixed 03:20 patrol was missed');
      assert.equal(
        (await notes(safety, 'patrols.missed')).filter((n) => n.title.includes('03:20')).length,
        missedAt0320,
        'the shift’s duty leader is told',
      );
      assert.equal(
        (await notes(head, 'patrols.missed')).filter((n) => n.title.includes('03:20')).length,
        0,
        'the standing duty leader, on shift as staff, is not',
      );
    });

    const overThirtyNightsUnannounced =
      'over thirty nights the unannounced times differ, all fall inside the window, none before it opens';
    it(overThirtyNightsUnannounced, async () => {
      const first = DateTime.fromISO('2027-03-02', { zone: 'UTC' });
      for (let hour = 0; hour <= 30 * 24; hour += 6) await tick(first.plus({ hours: hour }).toJSDate());
      for (const [unitId, zone] of [
        [s1, SHANGHAI],
        [s4, BERLIN],
      ] as const) {
        const rows = await t.c.db
          .selectFrom('patrols')
          .select(['night_date', 'kind', 'due_at'])
          .where('unit_id', '=', unitId)
          .where('kind', '!=', 'extra')
          .orderBy('due_at')
          .execute();
        const nights = [...new Set(rows.map((r) => r.night_date))];
        assert.ok(nights.length >= 30, `${zone}: ${nights.length} nights planned`);
        const times: string[] = [];
        for (const date of nights) {
          const ofNight = rows.filter((r) => r.night_date === date);
          if (date !== nights[0]) assert.equal(ofNight.length, 5, `${zone} ${date}: five patrols`);
          const w = nightWindow(date, { start: '22:00', end: '06:00' }, zone);
          for (const r of ofNight) {
            const due = new Date(r.due_at);
            assert.ok(due >= w.start, `${zone} ${date}: ${r.kind} at ${r.due_at} is before the window opens`);
            assert.ok(due < w.end, `${zone} ${date}: ${r.kind} at ${r.due_at} is after the window closes`);
          }
          const secret = ofNight
            .filter((r) => r.kind === 'unannounced')
            .map((r) => DateTime.fromISO(r.due_at, { zone }).toFormat('HH:mm'));
          assert.equal(secret.length, 2);
          times.push(secret.join('+'));
        }
        assert.ok(
          new Set(times).size >= times.length - 1,
          `${zone}: nights repeat each other's unannounced times: ${times.join(' ')}`,
        );
        const minutes = new Set(times.flatMap((x) => x.split('+')));
        assert.ok(minutes.size > 30, `${zone}: only ${minutes.size} distinct minutes over ${times.length} nights`);
      }
      const dst = nightWindow('2027-03-27', { start: '22:00', end: '06:00' }, BERLIN);
      assert.equal(
        dst.end.getTime() - dst.start.getTime(),
        7 * 3600_000,
        'the Berlin night the clocks go forward was in the run',
      );
    });
  });
}
