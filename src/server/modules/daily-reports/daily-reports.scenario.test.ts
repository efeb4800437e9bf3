import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, unitIdByName, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { createContainer } from '../../container.js';
import { FakeClock } from '../../lib/clock.js';
import type { LiveEvent } from '../../notify/live-bus.js';

/*
 * A special period (10–12 January 2027) requires a 15:00 daily report of a kindergarten in
 * Asia/Shanghai (UTC+8) and of a school set to Asia/Urumqi (UTC+6). The fake clock walks through
 * the days: reminders at 14:00 local, late marks at 15:00 with the parent unit told, a zero report
 * at 14:59 on time, a day ending without a report missing, and a report after the period not required.
 */
const at = (iso: string) => new Date(iso);
const SHANGHAI_MIDNIGHT_10 = '2027-01-09T16:00:00.000Z';
const URUMQI_MIDNIGHT_10 = '2027-01-09T18:00:00.000Z';

for (const dialect of dialectsUnderTest()) {
  describe(`daily reports through a special period in two time zones (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let k1: string;
    let s4: string;
    let cs1: string;
    const people: Record<string, string> = {};
    const events: LiveEvent[] = [];

    const tickAll = async () => {
      for (let i = 0; i < 20 && (await t.c.engine.tick()) > 0; i++);
    };
    const walkTo = async (iso: string) => {
      clock.set(at(iso));
      await tickAll();
    };
    const told = async (username: string, kind: string) =>
      await t.c.db
        .selectFrom('notifications')
        .select(['title', 'body', 'created_at'])
        .where('person_id', '=', people[username]!)
        .where('kind', '=', kind)
        .orderBy('created_at')
        .execute();
    const send = async (username: string, unitId: string) =>
      (await t.signIn(username)).post('/api/v1/daily-reports/zero', { unitId });
    const specialPeriod = async (head: string, unitId: string) => {
      const client = await t.signIn(head);
      const plan = (
        await client.post('/api/v1/plans', {
          unitId,
          template: 'special_period',
          period: { name: '期末考试周', startDate: '2027-01-10', endDate: '2027-01-12' },
        })
      ).json();
      const published = await client.post(`/api/v1/plans/${plan.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);
    };

    before(async () => {
      clock = new FakeClock(at('2027-01-09T12:00:00.000Z'));
      t = await createTestApp(dialect, { demo: true, clock });
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      s4 = await unitIdByName(t, '石桥镇中心小学');
      cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      const admin = await t.signIn('admin');
      assert.equal((await admin.patch(`/api/v1/units/${s4}`, { timeZone: 'Asia/Urumqi' })).statusCode, 200);
      for (const name of [
        'k1.head',
        'k1.safety',
        'k1.teacher1',
        's4.head',
        's4.teacher1',
        'cs1.safety',
        'cs1.duty',
        'cs2.safety',
        'bureau.safety',
      ]) {
        people[name] = (await t.signIn(name)).me.personId;
      }
      await specialPeriod('k1.head', k1);
      await specialPeriod('s4.head', s4);
      t.c.bus.subscribe((batch) => events.push(...batch.events.map((e) => e.event)));
      await tickAll();
    });
    after(() => t.close());

    it('before the period nothing is required, and the day says so', async () => {
      const today = (await (await t.signIn('k1.head')).get(`/api/v1/daily-reports/today?unitId=${k1}`)).json();
      assert.equal(today.day, '2027-01-09');
      assert.equal(today.required, false);
      assert.equal(today.status, 'not_required');
    });

    it('reminds the unit’s head, safety officer and duty staff at 14:00 in its own zone', async () => {
      await walkTo(SHANGHAI_MIDNIGHT_10);
      await walkTo(URUMQI_MIDNIGHT_10);
      await walkTo('2027-01-10T05:59:00.000Z');
      assert.equal((await told('k1.head', 'daily-report.reminder')).length, 0);
      await walkTo('2027-01-10T06:00:00.000Z'); // 14:00 in Shanghai, 12:00 in Urumqi
      for (const name of ['k1.head', 'k1.safety', 'k1.teacher1']) {
        const reminders = await told(name, 'daily-report.reminder');
        assert.equal(reminders.length, 1, name);
        assert.match(reminders[0]!.title, /城关镇中心幼儿园：今日报告须于 15:00 前报送/);
      }
      assert.equal((await told('s4.head', 'daily-report.reminder')).length, 0, 'not yet 14:00 in Urumqi');
    });

    it('at 15:00 the silent unit is marked late and its parent unit is told', async () => {
      await walkTo('2027-01-10T06:59:59.000Z');
      assert.equal((await told('cs1.safety', 'daily-report.late')).length, 0);
      await walkTo('2027-01-10T07:00:00.000Z');
      for (const name of ['cs1.safety', 'cs1.duty']) {
        const late = await told(name, 'daily-report.late');
        assert.equal(late.length, 1, name);
        assert.match(late[0]!.title, /城关镇中心幼儿园 未在 15:00 前报送 2027-01-10 的报告/);
      }
      assert.equal((await told('k1.head', 'daily-report.overdue')).length, 1);
      const today = (await (await t.signIn('k1.head')).get(`/api/v1/daily-reports/today?unitId=${k1}`)).json();
      assert.equal(today.status, 'late');
      assert.ok(
        events.some((e) => e.kind === 'daily-report' && e.unitId === k1),
        'the matrix hears of the late mark',
      );
    });

    it('14:00 in Urumqi reminds the school there; a report after the deadline is stored as late', async () => {
      await walkTo('2027-01-10T08:00:00.000Z'); // 14:00 in Urumqi, 16:00 in Shanghai
      const reminders = await told('s4.teacher1', 'daily-report.reminder');
      assert.equal(reminders.length, 1);
      assert.match(reminders[0]!.title, /石桥镇中心小学：今日报告须于 15:00 前报送/);
      const res = await (
        await t.signIn('k1.safety')
      ).post('/api/v1/daily-reports', { unitId: k1, items: [{ kind: 'safety', text: '午睡室插座松动，已报修。' }] });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual([res.json().status, res.json().zero, res.json().deadline], ['late', false, '15:00']);
    });

    it('a zero report at 14:59 counts on time, and no late mark follows', async () => {
      await walkTo('2027-01-10T08:59:00.000Z'); // 14:59 in Urumqi
      const before = events.length;
      const res = await send('s4.teacher1', s4);
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual([res.json().status, res.json().zero, res.json().day], ['on_time', true, '2027-01-10']);
      await new Promise((r) => setTimeout(r, 20)); // live events go out together once per tick
      assert.ok(
        events.slice(before).some((e) => e.kind === 'daily-report' && e.unitId === s4 && e.day === '2027-01-10'),
        'the matrix hears of it',
      );
      await walkTo('2027-01-10T09:00:00.000Z');
      assert.equal((await told('cs2.safety', 'daily-report.late')).length, 0);
    });

    it('a day that ends without a report is missing, marked by an engine that was restarted meanwhile', async () => {
      await walkTo('2027-01-10T16:00:00.000Z'); // the 11th begins in Shanghai
      // A restart: a new container on the same database, its engine sees the stored rows.
      const restarted = createContainer(t.c.config, { clock, database: t.database.opened });
      clock.set(at('2027-01-11T16:00:00.000Z'));
      for (let i = 0; i < 20 && (await restarted.engine.tick()) > 0; i++);
      const missing = await told('cs1.safety', 'daily-report.missing');
      assert.equal(missing.length, 1);
      assert.match(missing[0]!.title, /城关镇中心幼儿园 2027-01-11 未报送每日报告/);
      const day = (
        await (await t.signIn('cs1.safety')).get(`/api/v1/daily-reports/units/${k1}/days/2027-01-11`)
      ).json();
      assert.deepEqual([day.status, day.report], ['missing', null]);
    });

    it('a zero report at 14:59 in Shanghai is on time too', async () => {
      await walkTo('2027-01-12T06:59:00.000Z');
      const lateMarks = (await told('cs1.safety', 'daily-report.late')).length;
      assert.equal(lateMarks, 2, 'the 10th and the 11th');
      const res = await send('k1.teacher1', k1);
      assert.equal(res.json().status, 'on_time');
      await walkTo('2027-01-12T07:00:00.000Z');
      assert.equal((await told('cs1.safety', 'daily-report.late')).length, lateMarks, 'no late mark for the 12th');
    });

    it('after the special period a report is not required, and it is kept', async () => {
      await walkTo('2027-01-13T02:00:00.000Z');
      const res = await send('k1.teacher1', k1);
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual([res.json().status, res.json().deadline], ['not_required', null]);
    });

    it('a plan published during the day applies that same day, while its deadline is ahead', async () => {
      const k2 = await unitIdByName(t, '城关镇阳光幼儿园');
      await walkTo('2027-01-13T03:00:00.000Z'); // 11:00 in Shanghai; the planner has just looked, next at 11:10
      const head = await t.signIn('k2.head');
      const plan = (
        await head.post('/api/v1/plans', {
          unitId: k2,
          template: 'special_period',
          period: { name: '流感防控', startDate: '2027-01-13', endDate: '2027-01-14' },
        })
      ).json();
      assert.equal((await head.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);
      // The publish brings the planner forward: at once, not at its next ten-minute look.
      await walkTo('2027-01-13T03:00:01.000Z');
      const today = (await head.get(`/api/v1/daily-reports/today?unitId=${k2}`)).json();
      assert.deepEqual([today.required, today.status, today.deadline], [true, 'pending', '15:00']);
      const cell = (await (await t.signIn('cs1.head')).get(`/api/v1/daily-reports/units/${k2}/days/2027-01-13`)).json();
      assert.equal(cell.status, 'pending', 'the supervisor sees it owed the same minute');
      const late = await t.c.db
        .selectFrom('deadlines')
        .select('due_at')
        .where('ref_id', '=', `${k2}@2027-01-13`)
        .where('state', '=', 'pending')
        .execute();
      assert.ok(late.length >= 2, 'its reminder and late mark are scheduled');
      await walkTo('2027-01-13T06:00:00.000Z');
      assert.equal(
        (
          await t.c.db
            .selectFrom('notifications')
            .select('id')
            .where('kind', '=', 'daily-report.reminder')
            .where('title', 'like', '%城关镇阳光幼儿园%')
            .execute()
        ).length,
        3,
        'head, safety officer, duty staff',
      );
      assert.equal(
        (await told('k1.head', 'daily-report.reminder')).length,
        3,
        'k1 was reminded on the 10th, 11th and 12th only',
      );
      await walkTo('2027-01-13T08:00:00.000Z');
      assert.equal(
        (await told('cs1.safety', 'daily-report.late')).length,
        3,
        'the 10th and 11th of k1, the 13th of k2',
      );
    });

    it('the supervisor’s matrix shows each unit-day; the export and the trend agree', async () => {
      const supervisor = await t.signIn('cs1.head');
      const res = await supervisor.get(`/api/v1/daily-reports/matrix?unitId=${cs1}&end=2027-01-13&days=5&pageSize=500`);
      assert.equal(res.statusCode, 200, res.body);
      const matrix = res.json();
      assert.deepEqual(matrix.days, ['2027-01-09', '2027-01-10', '2027-01-11', '2027-01-12', '2027-01-13']);
      const row = matrix.units.find((u: { unitId: string }) => u.unitId === k1);
      assert.deepEqual(row.cells, ['not_required', 'late', 'missing', 'on_time', 'not_required']);
      assert.equal(matrix.total, 6, 'the central school and its five units');
      assert.equal(matrix.totals[1].late, 1);
      assert.equal(
        matrix.units.some((u: { unitId: string }) => u.unitId === s4),
        false,
        's4 is under the other central school',
      );

      const bureau = await t.signIn('bureau.safety');
      const wide = (await bureau.get('/api/v1/daily-reports/matrix?end=2027-01-13&days=5&pageSize=500')).json();
      const s4row = wide.units.find((u: { unitId: string }) => u.unitId === s4);
      // The 11th in Urumqi was first planned by the restarted engine after its deadline: not required (nobody could
      // have known in time); the 12th was planned in time and nothing came.
      assert.deepEqual(s4row.cells.slice(1, 4), ['on_time', 'not_required', 'missing']);

      const xlsx = await supervisor.get(`/api/v1/daily-reports/export.xlsx?unitId=${cs1}&end=2027-01-13&days=5`, {
        'accept-language': 'en',
      });
      assert.equal(xlsx.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const k1Row = sheet
        .getRows(2, sheet.rowCount - 1)!
        .find((r) => String(r.getCell(1).value) === '城关镇中心幼儿园')!;
      assert.deepEqual(
        [2, 3, 4, 5, 6].map((c) => k1Row.getCell(c).value),
        ['Not required', 'Late', 'Missing', 'On time', 'Not required'],
      );

      const trend = (await supervisor.get(`/api/v1/daily-reports/trend?unitId=${k1}&weeks=2`)).json();
      const sum = (key: string) => trend.weeks.reduce((n: number, w: Record<string, number>) => n + w[key]!, 0);
      assert.deepEqual([sum('late'), sum('missing'), sum('on_time')], [1, 1, 1]);
      assert.equal(trend.weeks.at(-1).week, '2027-W02');

      const status = (await supervisor.get(`/api/v1/daily-reports/status?unitId=${cs1}`)).json();
      assert.equal(status.total, 6);
      assert.deepEqual([status.counts.late, status.counts.not_required], [1, 5]);
      assert.deepEqual(
        status.units.map((u: { name: string; status: string }) => [u.name, u.status]),
        [['城关镇阳光幼儿园', 'late']],
      );
    });

    it('refuses bad input by field, and stores nothing of it', async () => {
      const count = async () => (await t.c.db.selectFrom('daily_reports').select('id').execute()).length;
      const before = await count();
      const teacher = await t.signIn('k1.teacher1');
      const unknown = await teacher.post(
        '/api/v1/daily-reports/zero',
        { unitId: '01890000-0000-7000-8000-000000000000' },
        { 'accept-language': 'en' },
      );
      assert.equal(unknown.statusCode, 404);
      assert.deepEqual(unknown.json().errors, [
        { field: 'unitId', message: 'unit does not exist or is not one of yours' },
      ]);
      const outside = await teacher.post('/api/v1/daily-reports/zero', { unitId: s4 });
      assert.equal(outside.statusCode, 404, 'another school’s unit does not exist for this teacher');
      const again = await teacher.post('/api/v1/daily-reports/zero', { unitId: k1 });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().errors[0].field, 'unitId');
      const empty = await teacher.post('/api/v1/daily-reports', { unitId: k1, items: [{ kind: 'weather', text: '' }] });
      assert.equal(empty.statusCode, 400);
      assert.deepEqual(
        empty
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['items.0.kind', 'items.0.text'],
      );
      const supervisor = await t.signIn('cs1.head');
      assert.equal(
        (await supervisor.post('/api/v1/daily-reports/zero', { unitId: k1 })).statusCode,
        403,
        'a supervisor reads, the unit sends',
      );
      assert.equal(await count(), before);
    });
  });
}
