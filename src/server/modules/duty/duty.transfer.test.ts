import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

const T0 = new Date('2027-06-01T02:00:00.000Z');
const RANGE = 'from=2027-06-01&to=2027-06-07';

interface ShiftView {
  id: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  dutyLeader: { id: string; name: string } | null;
  staff: { id: string; name: string }[];
}

/** A multipart body with one file, as a browser sends it. */
function multipart(buffer: Buffer, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----steady-test-boundary';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; ` +
    `name="${field}"; filename="roster.xlsx"\r\nContent-Type: application/` +
    `vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), buffer, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function sheet(rows: (string | number | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('值班表');
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What a roster says, without ids: times and people. */
const content = (shifts: ShiftView[]) =>
  shifts.map((s) => [s.kind, s.startsAt, s.endsAt, s.dutyLeader?.id ?? null, s.staff.map((p) => p.id)]);

for (const dialect of dialectsUnderTest()) {
  describe(`roster spreadsheet and calendar feeds (${dialect})`, () => {
    let t: TestApp;
    let safety: Client;
    let s1: string;
    const name = new Map<string, string>();

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock: new FakeClock(T0) });
      s1 = await unitIdByName(t, '城关镇第一小学');
      safety = await t.signIn('s1.safety');
      const people = (await safety.get(`/api/v1/duty/people?unitId=${s1}`)).json() as {
        id: string;
        name: string;
        username: string;
      }[];
      for (const p of people) name.set(p.username, p.name);
      const id = (u: string) => people.find((p) => p.username === u)!.id;
      const res = await safety.post('/api/v1/duty/rotations', {
        unitId: s1,
        name: '值班',
        kind: 'daily',
        startDate: '2027-06-01',
        daysAhead: 7,
        slots: [
          { dutyLeaderId: id('s1.head'), staffIds: [id('s1.teacher1'), id('s1.gate')] },
          { dutyLeaderId: id('s1.safety'), staffIds: [id('s1.gate')] },
        ],
      });
      assert.equal(res.statusCode, 201, res.body);
    });
    after(() => t.close());

    const roster = async (): Promise<ShiftView[]> =>
      (await safety.get(`/api/v1/duty/roster?unitId=${s1}&${RANGE}`)).json().shifts;
    const upload = (buffer: Buffer, lang = 'zh-CN') => {
      const { payload, headers } = multipart(buffer);
      return safety.inject({
        method: 'POST',
        url: `/api/v1/duty/roster.xlsx?unitId=${s1}`,
        payload,
        headers: { ...headers, 'accept-language': lang },
      });
    };

    it('an exported roster re-imports to the same roster', async () => {
      const before = await roster();
      assert.equal(before.length, 7);
      const exported = await safety.get(`/api/v1/duty/roster.xlsx?unitId=${s1}&${RANGE}`);
      assert.equal(exported.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const ws = book.worksheets[0]!;
      assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), [
        '日期/Date',
        '班次/Shift',
        '开始/Start',
        '结束/End',
        '带班领导/Duty leader',
        '值班人员/Duty staff',
      ]);
      assert.deepEqual((ws.getRow(2).values as unknown[]).slice(1), [
        '2027-06-01',
        '全天',
        '08:00',
        '08:00',
        name.get('s1.head'),
        `${name.get('s1.teacher1')}、${name.get('s1.gate')}`,
      ]);
      // The future shifts go when the rotation stops; the file brings them back as they were.
      const [rotation] = (await safety.get(`/api/v1/duty/rotations?unitId=${s1}`)).json();
      assert.equal((await safety.post(`/api/v1/duty/rotations/${rotation.id}/stop`)).json().removed, 6);
      assert.equal((await roster()).length, 1);
      const res = await upload(exported.rawPayload);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { from: '2027-06-01', to: '2027-06-07', shifts: 7, replaced: 1 });
      const after = await roster();
      assert.deepEqual(content(after), content(before));
      assert.equal(after[0]!.id, before[0]!.id, 'the shift on now keeps its identity');
      const again = await upload(exported.rawPayload);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(content(await roster()), content(before), 'importing twice changes nothing');
    });

    it('a malformed file is refused whole, each problem naming its row and column; nothing is imported', async () => {
      const before = await roster();
      const imports = async () =>
        (await t.c.db.selectFrom('audit_log').select('seq').where('action', '=', 'duty.import').execute()).length;
      const count = await imports();
      const missing = await upload(
        await sheet([
          ['日期', '班次', '开始', '结束', '带班领导'],
          ['2027-06-02', '全天', '08:00', '08:00', name.get('s1.head')!],
        ]),
      );
      assert.equal(missing.statusCode, 422);
      assert.deepEqual(missing.json().errors, [
        { field: 'columns.rosterStaff', message: '值班人员：文件第 1 行（标题行）缺少这一列' },
      ]);

      const head = name.get('s1.head')!;
      const bad = await sheet([
        ['Date', 'Shift', 'Start', 'End', 'Duty leader', 'Duty staff'],
        ['2027-06-02', 'Day', '08:00', '20:00', '查无此人', ''],
        ['2027-06-03', 'Day', '08:00', '20:00', head, ''],
        ['2027-06-03', 'Night', '19:00', '08:00', head, ''],
        ['2027-06-04', 'Day', '08:00', '25:00', head, ''],
        ['2027-13-01', 'Sometimes', '08:00', '20:00', head, '查无此人'],
      ]);
      const zh = await upload(bad);
      assert.equal(zh.statusCode, 422, zh.body);
      const problems = zh.json().errors as { field: string; message: string }[];
      assert.deepEqual(
        problems.map((p) => p.field).sort(),
        [
          'rows.2.rosterLeader',
          'rows.4.rosterStart',
          'rows.5.rosterEnd',
          'rows.6.rosterDate',
          'rows.6.rosterShift',
        ].sort(),
      );
      assert.ok(problems.some((p) => p.message === '带班领导：第 2 行（E 列）本单位没有“查无此人”这个人'));
      assert.ok(problems.some((p) => p.message === '开始：第 4 行（C 列）与第 3 行的班次时间重叠'));
      assert.ok(problems.some((p) => p.message === '结束：第 5 行（D 列）“25:00”不是时间，请写成 08:00 的形式'));
      assert.match(zh.json().title, /未做任何更改/);
      const en = (await upload(bad, 'en')).json();
      assert.ok(
        en.errors.some(
          (p: { message: string }) =>
            p.message === 'date (row 6, column A): “2027-13-01” is not a date; write it as 2027-06-01',
        ),
      );
      assert.deepEqual(content(await roster()), content(before), 'nothing imported');
      assert.equal(await imports(), count);
      const garbage = await upload(Buffer.from('not a spreadsheet'));
      assert.equal(garbage.json().errors[0].field, 'rosterFile');
    });

    it('calendar feeds at secret addresses parse with ical.js and list the same shifts as the roster', async () => {
      const issued = await safety.post('/api/v1/duty/feeds', { unitId: s1 });
      assert.equal(issued.statusCode, 201, issued.body);
      const path = issued.json().path as string;
      assert.match(path, /^\/api\/v1\/public\/duty-feeds\/[A-Za-z0-9_-]{30,}\.ics$/);
      const stored = await t.c.db.selectFrom('duty_feeds').select('token_hash').execute();
      assert.ok(
        stored.every((f) => !path.includes(f.token_hash)),
        'only a hash is kept',
      );
      const res = await t.app.inject({ method: 'GET', url: path });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/calendar/);
      const events = new ICAL.Component(ICAL.parse(res.body))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v));
      const shifts = await roster();
      const asRoster = shifts.map((s) => [`${s.id}@steady`, s.startsAt, s.endsAt]);
      const asFeed = events.map((e) => [
        e.uid,
        e.startDate.toJSDate().toISOString(),
        e.endDate.toJSDate().toISOString(),
      ]);
      assert.deepEqual(asFeed.sort(), asRoster.sort());
      assert.match(events[0]!.summary, new RegExp(name.get('s1.head')!));

      const teacher = await t.signIn('s1.teacher1');
      const mine = (await teacher.post('/api/v1/duty/feeds', {})).json().path;
      const own = new ICAL.Component(ICAL.parse((await t.app.inject({ method: 'GET', url: mine })).body))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v).uid);
      const teacherId = teacher.me.personId;
      assert.deepEqual(
        own.sort(),
        shifts
          .filter((s) => s.staff.some((p) => p.id === teacherId))
          .map((s) => `${s.id}@steady`)
          .sort(),
      );

      const rotated = (await safety.post('/api/v1/duty/feeds', { unitId: s1 })).json().path;
      assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 404, 'the old address stops working');
      assert.equal((await t.app.inject({ method: 'GET', url: rotated })).statusCode, 200);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/v1/public/duty-feeds/nottherighttoken000000.ics' })).statusCode,
        404,
      );
    });
  });
}
