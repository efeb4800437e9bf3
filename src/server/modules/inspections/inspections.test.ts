import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';
import { assignCodes } from './checklists.service.js';
import {
  answers,
  copyTemplate,
  notificationsOf,
  personIdOf,
  photoId,
  uploadPhoto,
  type ChecklistView,
} from '../../../../test/helpers/inspections.js';
import { nextDate } from './schedules.service.js';

// 09:00 in Shanghai on a Monday.
const T0 = new Date('2027-03-01T01:00:00.000Z');
const DAY = 86_400_000;
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(check(), what);
}
const count = async (t: TestApp, table: 'inspections' | 'inspection_results' | 'rectification_tasks') =>
  Number(
    (
      await t.c.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('checklist codes and cadences', () => {
  it('new items get the next free code after the checklist’s own letters; a code used twice is refused', () => {
    const items = assignCodes([
      { code: 'C01', text: 'a', guidance: '', risk: 'low', fixDays: 14 },
      { text: 'b', guidance: '', risk: 'medium', fixDays: 7 },
      { code: 'C07', text: 'c', guidance: '', risk: 'high', fixDays: 3 },
    ]);
    assert.deepEqual(
      items.map((i) => i.code),
      ['C01', 'C08', 'C07'],
    );
    assert.throws(
      () =>
        assignCodes([
          { code: 'C01', text: 'a', guidance: '', risk: 'low', fixDays: 14 },
          { code: 'C01', text: 'b', guidance: '', risk: 'low', fixDays: 14 },
        ]),
      /validation/,
    );
  });
  it('weekly, monthly and termly steps are calendar steps', () => {
    assert.equal(nextDate('2027-01-31', 'monthly'), '2027-02-28');
    assert.equal(nextDate('2027-03-01', 'weekly'), '2027-03-08');
    assert.equal(nextDate('2027-03-01', 'termly'), '2027-09-01');
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`inspections (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let dataDir: string;
    let safety: Client;
    let s1: string;
    let s2: string;
    let canteen: ChecklistView;

    before(async () => {
      clock = new FakeClock(T0);
      dataDir = mkdtempSync(join(tmpdir(), 'steady-inspections-'));
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_DATA_DIR: dataDir } });
      s1 = await unitIdByName(t, '城关镇第一小学');
      s2 = await unitIdByName(t, '城关镇第二小学');
      safety = await t.signIn('s1.safety');
      canteen = await copyTemplate(safety, s1, 'canteen');
    });
    after(async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const copiesTemplateUnitLanguage =
      'copies a template in the unit’s language, and the copy is edited: reworded, trimmed, added to, renamed';
    it(copiesTemplateUnitLanguage, async () => {
      assert.match(canteen.items[0]!.text, /食品经营许可证/);
      const templates = (await safety.get(`/api/v1/checklist-templates?unitId=${s1}`)).json();
      assert.equal(templates.length, 7);
      assert.equal(
        templates.find((x: { id: string }) => x.id === 'rental-housing-fire').suits,
        false,
        'a community checklist is not for a school',
      );

      const c2 = await unitIdByName(t, '南街社区');
      const streetHead = await t.signIn('so.head');
      assert.equal((await streetHead.patch(`/api/v1/units/${c2}`, { locale: 'en' })).statusCode, 200);
      const english = (
        await streetHead.post('/api/v1/checklists', { unitId: c2, templateId: 'rental-housing-fire' })
      ).json();
      assert.equal(english.locale, 'en');
      assert.match(english.name, /rent/i);
      assert.doesNotMatch(english.items[0].text, /[\u4e00-\u9fff]/);

      const items = canteen.items
        .slice(0, 3)
        .map((i) => ({ code: i.code, text: i.text, risk: i.risk, fixDays: i.fixDays }));
      items[1]!.text = '从业人员健康证明齐全（本校补充：含临时帮厨）';
      const res = await safety.patch(`/api/v1/checklists/${canteen.id}`, {
        name: '食堂周检（本校）',
        items: [...items, { text: '后厨监控摄像头正常录像', risk: 'low', fixDays: 14 }],
      });
      assert.equal(res.statusCode, 200, res.body);
      const edited = res.json();
      assert.equal(edited.name, '食堂周检（本校）');
      assert.deepEqual(
        edited.items.map((i: { code: string }) => i.code),
        ['C01', 'C02', 'C03', 'C23'],
      );
      assert.match(edited.items[1].text, /本校补充/);
      const twice = await safety.patch(`/api/v1/checklists/${canteen.id}`, { items: [items[0], items[0]] });
      assert.equal(twice.statusCode, 422);
      assert.equal(twice.json().errors[0].field, 'items.1');
      canteen = edited;
      const list = (await safety.get(`/api/v1/checklists?unitId=${s1}`)).json();
      assert.deepEqual(
        list.map((c: { itemCount: number }) => c.itemCount),
        [4],
      );
    });

    const unknownChecklistItemRefused =
      'an unknown checklist item is refused by field, and nothing of the run is stored — not its tasks, not its photos';
    it(unknownChecklistItemRefused, async () => {
      const before = {
        runs: await count(t, 'inspections'),
        results: await count(t, 'inspection_results'),
        tasks: await count(t, 'rectification_tasks'),
      };
      const photo = await photoId(safety, s1);
      const bad = [...answers(canteen, { C01: { photoIds: [photo] } }), { itemCode: 'Z99', result: 'pass' }];
      const res = await safety.post(
        '/api/v1/inspections',
        { checklistId: canteen.id, answers: bad },
        { 'accept-language': 'en' },
      );
      assert.equal(res.statusCode, 422);
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        ['answers.4.itemCode'],
      );
      assert.match(res.json().errors[0].message, /checklist item is not an item of this checklist \(Z99\)/);
      assert.deepEqual(
        {
          runs: await count(t, 'inspections'),
          results: await count(t, 'inspection_results'),
          tasks: await count(t, 'rectification_tasks'),
        },
        before,
      );
      const stored = await t.c.db
        .selectFrom('inspection_photos')
        .select('attached_id')
        .where('id', '=', photo)
        .executeTakeFirstOrThrow();
      assert.equal(stored.attached_id, null);

      const missing = await safety.post('/api/v1/inspections', {
        checklistId: canteen.id,
        answers: answers(canteen).slice(1),
      });
      assert.equal(missing.statusCode, 422);
      assert.match(missing.json().errors[0].message, /C01/);
      const stranger = await personIdOf(t, 's2.head');
      const wrong = await safety.post('/api/v1/inspections', {
        checklistId: canteen.id,
        answers: answers(canteen, {
          C02: { task: { ownerPersonId: stranger, dueAt: new Date(T0.getTime() - DAY).toISOString() } },
        }).map((a) => (a.itemCode === 'C03' ? { ...a, task: {} } : a)),
      });
      assert.equal(wrong.statusCode, 422);
      assert.deepEqual(
        wrong.json().errors.map((e: { field: string }) => e.field),
        ['answers.1.task.ownerPersonId', 'answers.1.task.dueAt', 'answers.2.task'],
      );
      assert.equal(await count(t, 'rectification_tasks'), before.tasks);
    });

    it('photos are checked by their content; a file that is not an image is refused', async () => {
      const fake = await uploadPhoto(
        safety,
        s1,
        Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'.repeat(20)),
        { 'accept-language': 'en' },
      );
      assert.equal(fake.statusCode, 422);
      assert.equal(fake.json().errors[0].field, 'photo');
      const other = await photoId(await t.signIn('s2.safety'), s2);
      const res = await safety.post('/api/v1/inspections', {
        checklistId: canteen.id,
        answers: answers(canteen, { C01: { photoIds: [other] } }),
      });
      assert.equal(res.statusCode, 422, 'a photo of another school cannot be used');
      assert.equal(res.json().errors[0].field, 'answers.0.photoIds');
    });

    const scheduleRemindsRoleHolders =
      'a schedule reminds the role’s holders on its due date, unless the checklist was run in that period';
    it(scheduleRemindsRoleHolders, async () => {
      const safetyId = await personIdOf(t, 's1.safety');
      const headId = await personIdOf(t, 's1.head');
      const weekly = await safety.post('/api/v1/inspection-schedules', {
        unitId: s1,
        checklistId: canteen.id,
        cadence: 'weekly',
        role: 'safety_officer',
        nextDueDate: '2027-03-02',
      });
      assert.equal(weekly.statusCode, 201, weekly.body);
      const fire = await copyTemplate(safety, s1, 'fire');
      const monthly = await safety.post('/api/v1/inspection-schedules', {
        unitId: s1,
        checklistId: fire.id,
        cadence: 'monthly',
        role: 'accountable_head',
        nextDueDate: '2027-03-02',
      });
      assert.equal(monthly.statusCode, 201);
      const past = await safety.post('/api/v1/inspection-schedules', {
        unitId: s1,
        checklistId: fire.id,
        cadence: 'weekly',
        role: 'safety_officer',
        nextDueDate: '2027-02-01',
      });
      assert.equal(past.statusCode, 422);
      assert.equal(past.json().errors[0].field, 'nextDueDate');

      assert.equal(
        (await safety.post('/api/v1/inspections', { checklistId: fire.id, answers: answers(fire) })).statusCode,
        201,
      );
      clock.set(new Date('2027-03-02T00:00:00.000Z')); // 08:00 in Shanghai
      await t.c.engine.tick();
      const due = await notificationsOf(t, safetyId, 'inspection.due');
      assert.equal(due.length, 1);
      assert.match(due[0]!.title, /今日应完成“食堂周检（本校）”检查/);
      assert.equal(due[0]!.link, `/inspections/run/${canteen.id}`);
      assert.equal(
        (await notificationsOf(t, headId, 'inspection.due')).length,
        0,
        'the fire checklist was already run this month',
      );
      safety = await t.signIn('s1.safety');
      const schedules = (await safety.get(`/api/v1/inspection-schedules?unitId=${s1}`)).json();
      assert.deepEqual(
        schedules.map((s: { nextDueDate: string }) => s.nextDueDate),
        ['2027-03-09', '2027-04-02'],
      );
    });

    it('a drill’s problem becomes a task of the drill’s own unit, and only of it', async () => {
      const head = await t.signIn('s1.head');
      const drill = (
        await head.post('/api/v1/drills', {
          unitId: s1,
          type: 'fire_evacuation',
          plannedDate: '2027-03-02',
          title: '春季消防疏散演练',
        })
      ).json();
      const body = {
        unitId: s1,
        title: '二楼东侧楼梯照明不足',
        ownerPersonId: await personIdOf(t, 's1.head'),
        dueAt: new Date(clock.now().getTime() + 7 * DAY).toISOString(),
        risk: 'medium',
        source: { kind: 'drill', drillId: drill.id, problem: '疏散时楼梯昏暗' },
      };
      const res = await safety.post('/api/v1/rectification-tasks', body);
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json().source, {
        kind: 'drill',
        id: drill.id,
        label: '春季消防疏散演练',
        itemCode: null,
        detail: '疏散时楼梯昏暗',
      });
      // The drill screen finds its tasks again by their source.
      const fromDrill = (await safety.get(`/api/v1/rectification-ledger?sourceId=${drill.id}`)).json();
      assert.deepEqual(
        fromDrill.items.map((row: { taskId: string; sourceDetail: string }) => [row.taskId, row.sourceDetail]),
        [[res.json().id, '疏散时楼梯昏暗']],
      );
      const s2head = await t.signIn('s2.head');
      const theirs = (
        await s2head.post('/api/v1/drills', {
          unitId: s2,
          type: 'earthquake',
          plannedDate: '2027-03-03',
          title: '地震避险演练',
        })
      ).json();
      const wrong = await safety.post('/api/v1/rectification-tasks', {
        ...body,
        source: { ...body.source, drillId: theirs.id },
      });
      assert.equal(wrong.statusCode, 422);
      assert.equal(wrong.json().errors[0].field, 'source.drillId');
      const teacher = await t.signIn('s1.teacher1');
      assert.equal(
        (await teacher.post('/api/v1/rectification-tasks', body)).statusCode,
        403,
        'a class teacher does not create tasks',
      );
    });

    const ledgerListsPerUnit =
      'the ledger lists per unit and per subtree with filters, and its .xlsx holds the same rows as the API';
    it(ledgerListsPerUnit, async () => {
      assert.equal(
        (
          await safety.post('/api/v1/inspections', {
            checklistId: canteen.id,
            answers: answers(canteen, { C01: {}, C23: {} }),
          })
        ).statusCode,
        201,
      );
      const s2safety = await t.signIn('s2.safety');
      const theirs = await copyTemplate(s2safety, s2, 'gate');
      assert.equal(
        (await s2safety.post('/api/v1/inspections', { checklistId: theirs.id, answers: answers(theirs, { G01: {} }) }))
          .statusCode,
        201,
      );

      const mine = (await safety.get(`/api/v1/rectification-ledger?unitId=${s1}`)).json();
      assert.equal(mine.total, 3);
      assert.ok(mine.items.every((r: { unitId: string }) => r.unitId === s1));
      const central = await t.signIn('cs1.safety');
      const cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      const subtree = (await central.get(`/api/v1/rectification-ledger?unitId=${cs1}`)).json();
      assert.equal(subtree.total, 4);
      assert.equal((await central.get(`/api/v1/rectification-ledger?unitId=${cs1}&subtree=false`)).json().total, 0);
      assert.equal((await central.get(`/api/v1/rectification-ledger?unitId=${cs1}&risk=high`)).json().total, 2);
      assert.equal((await central.get(`/api/v1/rectification-ledger?unitId=${cs1}&supervised=true`)).json().total, 0);
      assert.equal((await central.get(`/api/v1/rectification-ledger?unitId=${cs1}&from=2027-03-03`)).json().total, 0);
      assert.equal(
        (await central.get(`/api/v1/rectification-ledger?unitId=${cs1}&from=2027-03-02&to=2027-03-02`)).json().total,
        4,
      );
      clock.set(new Date(clock.now().getTime() + 4 * DAY));
      const later = await t.signIn('cs1.safety');
      const overdue = (await later.get(`/api/v1/rectification-ledger?unitId=${cs1}&overdue=true&pageSize=2`)).json();
      assert.equal(overdue.total, 2, 'the two high-risk items had three days');
      assert.equal(overdue.items.length, 2);

      const api = (await later.get(`/api/v1/rectification-ledger?unitId=${cs1}`)).json().items;
      const file = await later.get(`/api/v1/rectification-ledger/export.xlsx?unitId=${cs1}`);
      assert.equal(file.statusCode, 200);
      assert.match(String(file.headers['content-type']), /spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      assert.equal(sheet.getRow(1).getCell(6).value, '隐患描述');
      const rows = [];
      for (let r = 2; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
      assert.deepEqual(
        rows.map((r) => r.getCell(16).value),
        api.map((x: { taskId: string }) => x.taskId),
      );
      assert.deepEqual(
        rows.map((r) => r.getCell(2).value),
        api.map((x: { unitName: string }) => x.unitName),
      );
      assert.deepEqual(
        rows.map((r) => r.getCell(6).value),
        api.map((x: { title: string }) => x.title),
      );
      assert.deepEqual(
        rows.map((r) => r.getCell(11).value),
        api.map((x: { overdue: boolean }) => (x.overdue ? '是' : '否')),
      );
      const english = await later.get(`/api/v1/rectification-ledger/export.xlsx?unitId=${cs1}&overdue=true`, {
        'accept-language': 'en',
      });
      const enBook = new ExcelJS.Workbook();
      await enBook.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
      assert.equal(enBook.worksheets[0]!.getRow(1).getCell(6).value, 'Hazard');
      assert.equal(enBook.worksheets[0]!.rowCount, 3);
    });

    const siblingSchoolSeesNone =
      'a sibling school sees none of it: 404 for the checklist, the run, the task, the photo and the ledger';
    it(siblingSchoolSeesNone, async () => {
      safety = await t.signIn('s1.safety');
      const run = (
        await safety.post('/api/v1/inspections', {
          checklistId: canteen.id,
          answers: answers(canteen, { C02: { photoIds: [await photoId(safety, s1)] } }),
        })
      ).json();
      const taskId = run.results.find((r: { taskId: string | null }) => r.taskId).taskId;
      const photo = run.results.find((r: { photoIds: string[] }) => r.photoIds.length).photoIds[0];
      assert.equal((await safety.get(`/api/v1/inspection-photos/${photo}`)).statusCode, 200);
      const sibling = await t.signIn('s2.safety');
      for (const url of [
        `/api/v1/checklists/${canteen.id}`,
        `/api/v1/inspections/${run.id}`,
        `/api/v1/rectification-tasks/${taskId}`,
        `/api/v1/inspection-photos/${photo}`,
        `/api/v1/rectification-ledger?unitId=${s1}`,
        `/api/v1/checklists?unitId=${s1}`,
      ]) {
        assert.equal((await sibling.get(url)).statusCode, 404, url);
      }
      assert.equal(
        (await sibling.post('/api/v1/inspections', { checklistId: canteen.id, answers: answers(canteen) })).statusCode,
        404,
      );
      assert.equal(
        (await sibling.post(`/api/v1/rectification-tasks/${taskId}/report-fixed`, { photoIds: [] })).statusCode,
        404,
      );
      const ownLedger = (await sibling.get('/api/v1/rectification-ledger')).json();
      assert.ok(ownLedger.items.every((r: { unitId: string }) => r.unitId === s2));
    });

    it('a photo nothing used is removed a day after it was taken, record and file; a used one stays', async () => {
      safety = await t.signIn('s1.safety');
      const [used, unused] = [await photoId(safety, s1), await photoId(safety, s1)];
      const run = await safety.post('/api/v1/inspections', {
        checklistId: canteen.id,
        answers: answers(canteen, { C01: { photoIds: [used] } }),
      });
      assert.equal(run.statusCode, 201, run.body);
      const fileOf = async (id: string) =>
        (await t.c.db.selectFrom('inspection_photos').select('path').where('id', '=', id).executeTakeFirst())?.path;
      const unusedFile = join(dataDir, (await fileOf(unused))!);
      const usedFile = join(dataDir, (await fileOf(used))!);
      clock.advance(DAY - 60_000);
      await t.c.engine.tick();
      assert.ok(await fileOf(unused), 'kept for a day: the run may still be finished');
      clock.advance(2 * 60_000);
      await t.c.engine.tick();
      assert.equal(await fileOf(unused), undefined, 'the record is gone');
      await eventually(() => !existsSync(unusedFile), 'the file is gone');
      assert.ok((await fileOf(used)) && existsSync(usedFile), 'the used photo stays');
      safety = await t.signIn('s1.safety');
      assert.equal((await safety.get(`/api/v1/inspection-photos/${unused}`)).statusCode, 404);
      assert.equal((await safety.get(`/api/v1/inspection-photos/${used}`)).statusCode, 200);
      const entry = await t.c.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', unused)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(entry.action, 'inspection.photo-unused');
    });
  });
}
