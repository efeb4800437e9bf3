import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';
import { maskIdNumber } from './id-mask.js';

// 09:00 in Shanghai.
const T0 = new Date('2027-06-01T01:00:00.000Z');

describe('maskIdNumber', () => {
  it('keeps only the last four characters, and leaves a masked number as it is', () => {
    assert.equal(maskIdNumber('110101199003074512'), '**************4512');
    assert.equal(maskIdNumber('1101 0119 9003 0745 12'), '**************4512');
    assert.equal(maskIdNumber('**************4512'), '**************4512');
  });

  it('never keeps a short number whole: at most half of it shows, behind at least four stars', () => {
    assert.equal(maskIdNumber('E123'), '****23');
    assert.equal(maskIdNumber('12345'), '****45');
    assert.equal(maskIdNumber('A1234567'), '****4567');
    assert.equal(maskIdNumber('7'), '****');
    assert.equal(maskIdNumber('****23'), '****23', 'masking twice changes nothing');
    assert.equal(
      maskIdNumber('*1234'),
      '****34',
      'stars sent by the client count as hidden, not as cover for four clear characters',
    );
    for (const raw of ['1', '12', '123', '1234', '12345', 'AB12CD', 'E1234567']) {
      const masked = maskIdNumber(raw);
      const clear = masked.replace(/^\*+/, '');
      assert.ok(clear.length * 2 <= raw.length && clear.length <= 4, `${raw} → ${masked}`);
    }
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`the visitor log (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let gate: Client;
    let safety: Client;
    let s1: string;
    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      gate = await t.signIn('s1.gate');
      safety = await t.signIn('s1.safety');
      s1 = await unitIdByName(t, '城关镇第一小学');
    });
    after(() => t.close());

    const checkIn = (body: Record<string, unknown> = {}) =>
      gate.post('/api/v1/visitors', {
        unitId: s1,
        name: '赵访客',
        idNumber: '110101199003074512',
        purpose: '家长会',
        hostName: '王老师',
        ...body,
      });

    it('a full ID number sent by the client is masked before it is stored', async () => {
      const res = await checkIn();
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().idMasked, '**************4512');
      const stored = await t.c.db
        .selectFrom('visitors')
        .select('id_masked')
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.id_masked, '**************4512');
      const everything =
        JSON.stringify(await t.c.db.selectFrom('visitors').selectAll().execute()) +
        JSON.stringify(await t.c.db.selectFrom('audit_log').selectAll().execute());
      assert.ok(!everything.includes('110101199003074512'), 'the full number is nowhere in the database');
    });

    it('a short "other" document number is not stored whole either', async () => {
      const res = await checkIn({ name: '孙访客', idKind: 'other', idNumber: 'E123' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().idMasked, '****23');
      const stored = await t.c.db
        .selectFrom('visitors')
        .select('id_masked')
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.id_masked, '****23');
      assert.equal((await gate.post(`/api/v1/visitors/${res.json().id}/check-out`, {})).statusCode, 200);
    });

    it('shows who is still inside, and refuses a check-out before the check-in', async () => {
      const visit = (await checkIn({ name: '钱师傅', purpose: '维修', vehiclePlate: '湘A12345' })).json();
      const inside = (await gate.get(`/api/v1/visitors?unitId=${s1}&inside=true`)).json();
      assert.ok(inside.items.some((v: { id: string }) => v.id === visit.id));
      const early = await gate.post(`/api/v1/visitors/${visit.id}/check-out`, {
        checkedOutAt: new Date(T0.getTime() - 3600_000).toISOString(),
      });
      assert.equal(early.statusCode, 422);
      assert.equal(early.json().errors[0].field, 'checkedOutAt');
      assert.equal(
        (
          await t.c.db
            .selectFrom('visitors')
            .select('checked_out_at')
            .where('id', '=', visit.id)
            .executeTakeFirstOrThrow()
        ).checked_out_at,
        null,
      );
      clock.set(new Date(T0.getTime() + 30 * 60_000));
      const out = await gate.post(`/api/v1/visitors/${visit.id}/check-out`, {});
      assert.equal(out.statusCode, 200);
      assert.ok(
        !(await gate.get(`/api/v1/visitors?unitId=${s1}&inside=true`))
          .json()
          .items.some((v: { id: string }) => v.id === visit.id),
      );
      assert.equal((await gate.post(`/api/v1/visitors/${visit.id}/check-out`, {})).statusCode, 409);
    });

    it('at closing time the gate and the safety officer hear who has not checked out', async () => {
      clock.set(new Date('2027-06-01T09:59:00.000Z'));
      await t.c.engine.tick();
      assert.ok(
        !(await safety.get('/api/v1/notifications'))
          .json()
          .items.some((n: { kind: string }) => n.kind === 'visitors.still-inside'),
      );
      clock.set(new Date('2027-06-01T10:00:00.000Z'));
      await t.c.engine.tick();
      const told = (await safety.get('/api/v1/notifications'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'visitors.still-inside');
      assert.equal(told.length, 1);
      assert.match(told[0].title, /仍有 1 名访客未登记离开/);
      assert.equal(told[0].body, '赵访客');
    });

    it('every look at the list is logged', async () => {
      const before = (await t.c.db.selectFrom('access_log').select('id').execute()).length;
      await safety.get(`/api/v1/visitors?unitId=${s1}`);
      await safety.get(`/api/v1/visitors/export.xlsx?unitId=${s1}&from=2027-06-01&to=2027-06-01`);
      const rows = await t.c.db.selectFrom('access_log').selectAll().orderBy('at').execute();
      assert.equal(rows.length, before + 2);
      assert.equal(rows.at(-1)!.actor_label, 's1.safety');
      assert.match(rows.at(-1)!.detail_json!, /"export":true/);
    });

    it('exports a date range as a spreadsheet with the same rows', async () => {
      const res = await safety.get(`/api/v1/visitors/export.xlsx?unitId=${s1}&from=2027-06-01&to=2027-06-01`);
      assert.equal(res.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const names = sheet.getColumn(1).values.slice(2).map(String).sort();
      const api = (await safety.get(`/api/v1/visitors?unitId=${s1}&from=2027-06-01&to=2027-06-01`))
        .json()
        .items.map((v: { name: string }) => v.name)
        .sort();
      assert.deepEqual(names, api);
      assert.equal(sheet.getRow(2).getCell(3).value, '**************4512');
      const other = await safety.get(`/api/v1/visitors/export.xlsx?unitId=${s1}&from=2027-06-02&to=2027-06-03`);
      const empty = new ExcelJS.Workbook();
      await empty.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
      assert.equal(empty.worksheets[0]!.rowCount, 1, 'only the header row');
    });

    it('records older than the plan’s retention are purged by the engine, and the purge is audited', async () => {
      const ids = (await t.c.db.selectFrom('visitors').select('id').execute()).map((v) => v.id);
      clock.set(new Date(T0.getTime() + 179 * 86_400_000));
      await t.c.engine.tick();
      assert.equal((await t.c.db.selectFrom('visitors').select('id').execute()).length, ids.length);
      clock.set(new Date(T0.getTime() + 181 * 86_400_000));
      await t.c.engine.tick();
      assert.equal((await t.c.db.selectFrom('visitors').select('id').execute()).length, 0);
      const purges = await t.c.db
        .selectFrom('audit_log')
        .select(['entity_id', 'actor_label', 'before_json'])
        .where('action', '=', 'visitor.purge')
        .execute();
      assert.deepEqual(purges.map((p) => p.entity_id).sort(), [...ids].sort());
      assert.ok(purges.every((p) => p.actor_label === 'system:engine' && !p.before_json!.includes('赵')));
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true);
    });

    it('bad input is refused by field; another school cannot read this log', async () => {
      gate = await t.signIn('s1.gate'); // the clock moved half a year: a fresh session
      const res = await gate.post(
        '/api/v1/visitors',
        { unitId: s1, name: '', idNumber: '', purpose: 'x', checkedInAt: 'yesterday' },
        { 'accept-language': 'en' },
      );
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['checkedInAt', 'idNumber', 'name'],
      );
      const outsider = await t.signIn('s2.gate');
      assert.equal((await outsider.get(`/api/v1/visitors?unitId=${s1}`)).statusCode, 404);
    });
  });
}
