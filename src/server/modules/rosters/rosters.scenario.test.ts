import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { personIdOf } from '../../../../test/helpers/inspections.js';
import { ROSTER_COLUMNS } from './pupils-xlsx.js';

/** A multipart body with one file, as a browser sends it. */
function multipart(buffer: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----steady-roster-boundary';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\n` +
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head), buffer, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('名册');
  ws.addRow(ROSTER_COLUMNS.map((c) => c.heading));
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A school of `classes` × `size` pupils, each with a mother (guardian) and a grandfather (may collect). */
function schoolRows(classes: number, size: number): string[][] {
  const rows: string[][] = [];
  for (let c = 1; c <= classes; c++)
    for (let p = 1; p <= size; p++) {
      const n = String(c * 1000 + p).padStart(4, '0');
      rows.push([
        `${Math.ceil(c / 8)}年级${c}班`,
        `学生${n}`,
        `母亲${n}`,
        '母亲',
        `1380000${n}`,
        `${n.slice(0, 3)}X`,
        '监护人',
        `祖父${n}`,
        '祖父',
        `1390000${n}`,
        '',
        '授权接送人',
      ]);
    }
  return rows;
}

const readBack = async (buffer: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
};

const mother = { name: '李娜', relation: '母亲', mobile: '13800001111', idLast4: '123x' };

for (const dialect of dialectsUnderTest()) {
  describe(`class rosters: kept by the school, seen by the class's own teacher, every look logged (${dialect})`, () => {
    let t: TestApp;
    let safety: Client;
    let teacher: Client;
    let s1: string;
    let ownClass: string;
    let otherClass: string;

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      safety = await t.signIn('s1.safety');
      teacher = await t.signIn('s1.teacher1');
      s1 = await unitIdByName(t, '城关镇第一小学');
    });
    after(() => t.close());

    const pupilCount = async () =>
      Number(
        (
          await t.c.db
            .selectFrom('pupils')
            .select((e) => e.fn.countAll().as('n'))
            .where('unit_id', '=', s1)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('the safety officer adds classes; a class teacher must hold that role there; names are unique', async () => {
      const teacherId = await personIdOf(t, 's1.teacher1');
      const own = await safety.post('/api/v1/rosters/classes', {
        unitId: s1,
        name: '一年级1班',
        teacherPersonId: teacherId,
      });
      assert.equal(own.statusCode, 201, own.body);
      ownClass = own.json().id;
      assert.equal(own.json().teacherPersonId, teacherId);
      otherClass = (await safety.post('/api/v1/rosters/classes', { unitId: s1, name: '一年级2班' })).json().id;

      const gateKeeper = await safety.post('/api/v1/rosters/classes', {
        unitId: s1,
        name: '一年级3班',
        teacherPersonId: await personIdOf(t, 's1.gate'),
      });
      assert.equal(gateKeeper.statusCode, 422);
      assert.equal(gateKeeper.json().errors[0].field, 'teacherPersonId');
      const twice = await safety.post('/api/v1/rosters/classes', { unitId: s1, name: '一年级1班' });
      assert.equal(twice.statusCode, 409);
      const byTeacher = await teacher.post('/api/v1/rosters/classes', { unitId: s1, name: '自封班' });
      assert.equal(byTeacher.statusCode, 403, 'a class teacher does not add classes');
      const names = (await safety.get(`/api/v1/rosters/classes?unitId=${s1}`))
        .json()
        .map((c: { name: string }) => c.name);
      assert.deepEqual(names, ['一年级1班', '一年级2班']);
    });

    it('a class teacher keeps their own class and cannot open another', async () => {
      const added = await teacher.post('/api/v1/rosters/pupils', {
        classId: ownClass,
        name: '王小明',
        adults: [mother, { name: '王强', relation: '父亲', mobile: '+86 139 0000 2222', mayCollect: false }],
      });
      assert.equal(added.statusCode, 201, added.body);
      assert.deepEqual(
        added
          .json()
          .adults.map((a: { idLast4: string | null; guardian: boolean; mayCollect: boolean }) => [
            a.idLast4,
            a.guardian,
            a.mayCollect,
          ]),
        [
          ['123X', true, true],
          [null, true, false],
        ],
      );
      assert.deepEqual(
        (await teacher.get(`/api/v1/rosters/classes?unitId=${s1}`)).json().map((c: { name: string }) => c.name),
        ['一年级1班'],
      );
      assert.equal((await teacher.get(`/api/v1/rosters/classes/${otherClass}`)).statusCode, 404);
      const elsewhere = await teacher.post('/api/v1/rosters/pupils', { classId: otherClass, name: '李四', adults: [] });
      assert.equal(elsewhere.statusCode, 403);
      const mine = await teacher.get(`/api/v1/rosters/classes/${ownClass}`);
      assert.equal(mine.statusCode, 200);
      assert.deepEqual(
        mine.json().roster.map((p: { name: string }) => p.name),
        ['王小明'],
      );
    });

    it('a unit above — the central school, the bureau — sees no names of children', async () => {
      for (const username of ['bureau.safety', 'cs1.head']) {
        const above = await t.signIn(username);
        assert.deepEqual((await above.get(`/api/v1/rosters/classes?unitId=${s1}`)).json(), [], username);
        assert.equal((await above.get(`/api/v1/rosters/classes/${ownClass}`)).statusCode, 404, username);
        assert.equal((await above.get(`/api/v1/rosters/export.xlsx?unitId=${s1}`)).statusCode, 403, username);
      }
    });

    it('every look at names is logged, without the names', async () => {
      const before = await t.c.db.selectFrom('access_log').selectAll().where('entity', '=', 'roster').execute();
      await teacher.get(`/api/v1/rosters/classes/${ownClass}`);
      await safety.get(`/api/v1/rosters/export.xlsx?unitId=${s1}`);
      const after = await t.c.db
        .selectFrom('access_log')
        .selectAll()
        .where('entity', '=', 'roster')
        .orderBy('at')
        .orderBy('id')
        .execute();
      const added = after.slice(before.length);
      assert.deepEqual(
        added.map((r) => r.actor_label),
        ['s1.teacher1', 's1.safety'],
      );
      assert.deepEqual(JSON.parse(added[0]!.detail_json!), { classId: ownClass, pupils: 1 });
      assert.ok(!added.some((r) => /王小明|李娜/.test(r.detail_json ?? '')), 'no child or adult named in the log');
    });

    it('bad adults are refused naming the field: a full ID number, a mobile of letters', async () => {
      const fullId = await teacher.post('/api/v1/rosters/pupils', {
        classId: ownClass,
        name: '赵六',
        adults: [{ ...mother, idLast4: '110101199003074512' }],
      });
      assert.equal(fullId.statusCode, 400);
      assert.equal(fullId.json().errors[0].field, 'adults.0.idLast4');
      const letters = await teacher.post(
        '/api/v1/rosters/pupils',
        { classId: ownClass, name: '赵六', adults: [{ ...mother, mobile: 'call me' }] },
        { 'accept-language': 'en' },
      );
      assert.equal(letters.statusCode, 400);
      assert.equal(letters.json().errors[0].field, 'adults.0.mobile');
      assert.match(letters.json().errors[0].message, /mobile/);
      assert.equal(await pupilCount(), 1, 'nothing stored');
    });

    it('a 2,000-pupil file with two bad rows is refused, both rows named, and nothing is stored', async () => {
      const rows = schoolRows(40, 50);
      rows[99]![4] = '电话坏了'; // row 101: a mobile of words
      rows[1500]![1] = ''; // row 1502: no name
      const res = await safety.inject({
        method: 'POST',
        url: `/api/v1/rosters/import.xlsx?unitId=${s1}`,
        ...multipart(await workbook(rows)),
      });
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['rows.101.adult1Mobile', 'rows.1502.pupil'],
      );
      assert.match(
        res.json().errors.find((e: { field: string }) => e.field === 'rows.101.adult1Mobile').message,
        /第 101 行（E 列）/,
      );
      assert.equal(await pupilCount(), 1);
      assert.equal(
        (await t.c.db.selectFrom('school_classes').select('id').where('unit_id', '=', s1).execute()).length,
        2,
        'no class made either',
      );
    });

    it('a good file imports, and the export reads back the same rows (a round trip)', async () => {
      const rows = schoolRows(40, 50);
      const res = await safety.inject({
        method: 'POST',
        url: `/api/v1/rosters/import.xlsx?unitId=${s1}`,
        ...multipart(await workbook(rows)),
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { classes: 40, added: 2000, updated: 0 });
      assert.equal(await pupilCount(), 2001);

      const exported = await safety.get(`/api/v1/rosters/export.xlsx?unitId=${s1}`);
      assert.equal(exported.statusCode, 200);
      const back = await readBack(exported.rawPayload);
      assert.deepEqual(
        back[0],
        ROSTER_COLUMNS.map((c) => c.heading),
      );
      const imported = back.filter((r) => r[1]!.startsWith('学生'));
      const key = (r: string[]) => `${r[0]} ${r[1]}`;
      assert.deepEqual(
        imported.map((r) => r.slice(0, 12)).sort((a, b) => key(a).localeCompare(key(b))),
        rows.sort((a, b) => key(a).localeCompare(key(b))),
      );
      const again = await safety.inject({
        method: 'POST',
        url: `/api/v1/rosters/import.xlsx?unitId=${s1}`,
        ...multipart(exported.rawPayload),
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json(), { classes: 0, added: 0, updated: 2001 });
      assert.equal(await pupilCount(), 2001, 'no pupil twice');
    });

    it('a pupil who leaves is purged with their adults; the trail says only that it happened', async () => {
      const [pupil] = (await teacher.get(`/api/v1/rosters/classes/${ownClass}`))
        .json()
        .roster.filter((p: { name: string }) => p.name === '王小明');
      assert.equal((await teacher.delete(`/api/v1/rosters/pupils/${pupil.id}`)).statusCode, 204);
      assert.equal(
        await t.c.db.selectFrom('pupils').select('id').where('id', '=', pupil.id).executeTakeFirst(),
        undefined,
      );
      assert.deepEqual(
        await t.c.db.selectFrom('pupil_adults').select('id').where('pupil_id', '=', pupil.id).execute(),
        [],
      );
      const trail = await t.c.db.selectFrom('audit_log').selectAll().where('entity_id', '=', pupil.id).execute();
      assert.deepEqual(trail.map((e) => e.action).sort(), ['roster.pupil-add', 'roster.pupil-purge']);
      assert.ok(!trail.some((e) => /王小明|李娜|王强|1380000/.test(`${e.before_json} ${e.after_json}`)));
      assert.equal(
        (await safety.delete(`/api/v1/rosters/classes/${otherClass}`)).statusCode,
        204,
        'an empty class goes',
      );
    });
  });
}
