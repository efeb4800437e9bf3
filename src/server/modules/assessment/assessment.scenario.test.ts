import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { DrillType } from '../../../common/org.js';
import type { Insertable } from 'kysely';
import type { RectificationTaskTable } from '../inspections/inspections.table.js';

/*
 * A term (1 March – 30 June 2027) scored on 10 July. 城关镇第一小学 (s1) has late and missing daily
 * reports, missed May's drill, evacuated too slowly once, and left a supervised hazard open; 城关镇
 * 第二小学 (s2) reported every day but never held a drill. The expected figures are worked out by
 * hand below, from the formulas the sheet shows.
 */
const NOW = new Date('2027-07-10T02:00:00.000Z');
const month = (codes: string) => codes.padEnd(31, '-');

for (const dialect of dialectsUnderTest()) {
  describe(`assessment: a term scored from the records (${dialect})`, () => {
    let t: TestApp;
    let central: Client;
    let s1: string;
    let s2: string;
    let sheetId: string;
    let items: { id: string; metric: string | null; kind: string; weight: number }[];
    const byMetric = (m: string) => items.find((i) => (i.metric ?? i.kind) === m)!;

    const drill = (unitId: string, endedAt: string, type: DrillType, seconds: number | null) => ({
      id: newId(),
      unit_id: unitId,
      type,
      title: `演练 ${endedAt.slice(0, 10)}`,
      planned_date: null,
      status: 'done' as const,
      started_at: endedAt,
      ended_at: endedAt,
      participants: 300,
      evacuation_seconds: seconds,
      evaluation: '',
      problems_json: '[]',
      created_at: endedAt,
      updated_at: endedAt,
    });
    const task = (
      unitId: string,
      owner: string,
      dueAt: string,
      extra: Partial<Insertable<RectificationTaskTable>>,
    ): Insertable<RectificationTaskTable> => ({
      id: newId(),
      unit_id: unitId,
      title: `隐患 ${dueAt.slice(0, 10)}`,
      risk: 'high',
      source_kind: 'inspection',
      source_id: null,
      source_label: '食堂',
      source_item_code: null,
      source_detail: null,
      owner_person_id: owner,
      due_at: dueAt,
      state: 'open',
      overdue_at: null,
      escalated_at: null,
      reported_fixed_at: null,
      closed_at: null,
      verified_by_person_id: null,
      supervising_unit_id: null,
      supervised_at: null,
      supervised_by_person_id: null,
      supervision_note: null,
      created_by_person_id: null,
      created_at: '2027-03-02T00:00:00.000Z',
      updated_at: '2027-03-02T00:00:00.000Z',
      ...extra,
    });

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock: new FakeClock(NOW) });
      const cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      s1 = await unitIdByName(t, '城关镇第一小学');
      s2 = await unitIdByName(t, '城关镇第二小学');
      central = await t.signIn('cs1.head');
      const owner = (await t.signIn('s1.head')).me.personId;
      const db = t.c.db;
      await db.deleteFrom('daily_report_months').execute();
      // s1, March: 20 on time, 2 late, 1 missing (day 31 not required). s2, March: 23 on time.
      await db
        .insertInto('daily_report_months')
        .values([
          { month: '2027-03', unit_id: s1, days: month('o'.repeat(20) + 'll' + 'm') },
          { month: '2027-03', unit_id: s2, days: month('o'.repeat(23)) },
        ])
        .execute();
      // s1 held drills in March (100 s), April (150 s) and June (an earthquake drill, not timed); none in May.
      await db
        .insertInto('drills')
        .values([
          drill(s1, '2027-03-10T02:00:00.000Z', 'fire_evacuation', 100),
          drill(s1, '2027-04-12T02:00:00.000Z', 'fire_evacuation', 150),
          drill(s1, '2027-06-08T02:00:00.000Z', 'earthquake', null),
        ])
        .execute();
      // s1: a supervised hazard due 15 April still open; another due 1 May fixed on 28 April.
      await db
        .insertInto('rectification_tasks')
        .values([
          task(s1, owner, '2027-04-15T09:00:00.000Z', {
            supervising_unit_id: cs1,
            supervised_at: '2027-04-16T01:00:00.000Z',
            state: 'open',
          }),
          task(s1, owner, '2027-05-01T09:00:00.000Z', {
            reported_fixed_at: '2027-04-28T03:00:00.000Z',
            closed_at: '2027-04-29T03:00:00.000Z',
            state: 'closed',
          }),
        ])
        .execute();

      const res = await central.post('/api/v1/assessment/sheets', {
        unitId: cs1,
        title: '2027 年春季学期安全工作考核',
        periodStart: '2027-03-01',
        periodEnd: '2027-06-30',
        items: [
          { kind: 'computed', metric: 'daily_reports_on_time', title: '每日报告按时报送', weight: 30 },
          { kind: 'computed', metric: 'drills_held', title: '按要求组织演练', weight: 20 },
          { kind: 'computed', metric: 'drills_evacuation', title: '疏散时间达标', weight: 10 },
          { kind: 'computed', metric: 'hazards_fixed_on_time', title: '隐患按期整改', weight: 15 },
          { kind: 'computed', metric: 'supervised_closed', title: '挂牌督办事项销号', weight: 15 },
          { kind: 'manual', title: '安全教育开展情况', weight: 10, guidance: '查看安全教育课记录' },
        ],
      });
      assert.equal(res.statusCode, 201, res.body);
      sheetId = res.json().id;
      items = res.json().items;
      const hand = await central.inject({
        method: 'PUT',
        url: `/api/v1/assessment/sheets/${sheetId}/units/${s1}/items/${byMetric('manual').id}/score`,
        payload: { score: 8, evidence: '每月一次安全教育课，记录齐全' },
      });
      assert.equal(hand.statusCode, 200, hand.body);
    });
    after(() => t.close());

    const ranking = async () => {
      const res = await central.get(`/api/v1/assessment/sheets/${sheetId}/ranking`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as {
        units: {
          unitId: string;
          rank: number | null;
          total: number | null;
          earned: number;
          assessedWeight: number;
          items: {
            itemId: string;
            points: number | null;
            noData: boolean;
            met: number | null;
            counted: number | null;
          }[];
        }[];
      };
    };

    it('computes each figure as the hand calculation does', async () => {
      const { units } = await ranking();
      const one = units.find((u) => u.unitId === s1)!;
      const two = units.find((u) => u.unitId === s2)!;
      const points = (u: typeof one, m: string) => u.items.find((i) => i.itemId === byMetric(m).id)!;
      // s1: daily 30 × 20/23 = 26.09 → 26.1; drills 20 × 3/4 = 15; evacuation 10 × 1/2 = 5 (the untimed
      // earthquake drill is not counted); hazards 15 × 1/2 = 7.5; supervised 15 × 0/1 = 0; by hand 8.
      assert.deepEqual(
        [points(one, 'daily_reports_on_time').met, points(one, 'daily_reports_on_time').counted],
        [20, 23],
      );
      assert.equal(points(one, 'daily_reports_on_time').points, 26.1);
      assert.deepEqual(
        [points(one, 'drills_held').met, points(one, 'drills_held').counted, points(one, 'drills_held').points],
        [3, 4, 15],
      );
      assert.equal(points(one, 'drills_evacuation').points, 5);
      assert.equal(points(one, 'hazards_fixed_on_time').points, 7.5);
      assert.deepEqual(
        [
          points(one, 'supervised_closed').met,
          points(one, 'supervised_closed').counted,
          points(one, 'supervised_closed').points,
        ],
        [0, 1, 0],
      );
      assert.equal(points(one, 'manual').points, 8);
      // Σ = 26.1 + 15 + 5 + 7.5 + 0 + 8 = 61.6 of 100 assessed points → 61.6 %.
      assert.deepEqual([one.earned, one.assessedWeight, one.total], [61.6, 100, 61.6]);
      // s2: daily 30 × 23/23 = 30; drills 20 × 0/4 = 0 (never held is no perfect score); the rest has no
      // data and counts on neither side: 30 of 50 assessed points → 60.0 %.
      assert.deepEqual(
        [points(two, 'drills_held').met, points(two, 'drills_held').counted, points(two, 'drills_held').points],
        [0, 4, 0],
      );
      assert.equal(points(two, 'drills_evacuation').noData, true);
      assert.equal(points(two, 'drills_evacuation').points, null);
      assert.equal(points(two, 'manual').noData, true);
      assert.deepEqual([two.earned, two.assessedWeight, two.total], [30, 50, 60]);
      assert.ok(one.rank! < two.rank!, 's1 ranks above s2');
    });

    it('opens the records behind a figure: the month without a drill is the one not met', async () => {
      const res = await central.get(
        `/api/v1/assessment/sheets/${sheetId}/units/${s1}/items/${byMetric('drills_held').id}/records`,
      );
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.match(body.formula, /20 分/);
      assert.deepEqual(
        body.records.map((r: { at: string; ok: boolean }) => [r.at, r.ok]),
        [
          ['2027-03-01', true],
          ['2027-04-01', true],
          ['2027-05-01', false],
          ['2027-06-01', true],
        ],
      );
    });

    const recomputesWhenWeightChanges =
      'recomputes when a weight changes, and refuses weights that do not add up to 100 with nothing changed';
    it(recomputesWhenWeightChanges, async () => {
      const body = (daily: number, drills: number) => ({
        items: items.map((i) => ({
          id: i.id,
          kind: i.kind,
          ...(i.metric ? { metric: i.metric } : {}),
          title: `项 ${i.weight}`,
          weight: i.metric === 'daily_reports_on_time' ? daily : i.metric === 'drills_held' ? drills : i.weight,
        })),
      });
      const bad = await central.inject({
        method: 'PUT',
        url: `/api/v1/assessment/sheets/${sheetId}/items`,
        payload: body(30, 10),
      });
      assert.equal(bad.statusCode, 422, bad.body);
      assert.deepEqual(
        bad.json().errors.map((e: { field: string }) => e.field),
        ['items'],
      );
      assert.match(bad.json().errors[0].message, /90/);
      assert.equal((await ranking()).units.find((u) => u.unitId === s1)!.total, 61.6);

      const ok = await central.inject({
        method: 'PUT',
        url: `/api/v1/assessment/sheets/${sheetId}/items`,
        payload: body(40, 10),
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const { units } = await ranking();
      // s1: 40 × 20/23 = 34.78 → 34.8; 10 × 3/4 = 7.5; 5; 7.5; 0; 8 → 62.8. s2: 40 + 0 of 50 → 80.0.
      assert.equal(units.find((u) => u.unitId === s1)!.total, 62.8);
      assert.equal(units.find((u) => u.unitId === s2)!.total, 80);
      assert.equal(units[0]!.unitId, s2);
    });

    it('a hand score needs evidence and stays within the item’s weight', async () => {
      const url = `/api/v1/assessment/sheets/${sheetId}/units/${s2}/items/${byMetric('manual').id}/score`;
      const noEvidence = await central.inject({ method: 'PUT', url, payload: { score: 5, evidence: '  ' } });
      assert.equal(noEvidence.statusCode, 400, noEvidence.body);
      assert.equal(noEvidence.json().errors[0].field, 'evidence');
      const tooHigh = await central.inject({ method: 'PUT', url, payload: { score: 12, evidence: '检查记录' } });
      assert.equal(tooHigh.statusCode, 422, tooHigh.body);
      assert.equal(tooHigh.json().errors[0].field, 'score');
      assert.match(tooHigh.json().errors[0].message, /0 到 10/);
      const computed = await central.inject({
        method: 'PUT',
        url: `/api/v1/assessment/sheets/${sheetId}/units/${s2}/items/${byMetric('drills_held').id}/score`,
        payload: { score: 5, evidence: 'x' },
      });
      assert.equal(computed.statusCode, 422, computed.body);
      const sheet = await central.get(`/api/v1/assessment/sheets/${sheetId}/units/${s2}`);
      assert.equal(
        sheet.json().score.items.find((i: { itemId: string }) => i.itemId === byMetric('manual').id).noData,
        true,
      );
    });

    it('a period with no data shows no data for every unit, never a perfect score', async () => {
      const res = await central.post('/api/v1/assessment/sheets', {
        unitId: (await t.c.db.selectFrom('units').select('parent_id').where('id', '=', s1).executeTakeFirstOrThrow())
          .parent_id,
        title: '未来学期',
        periodStart: '2027-09-01',
        periodEnd: '2028-01-31',
        items: [
          { kind: 'computed', metric: 'patrols_done', title: '巡查', weight: 60 },
          { kind: 'computed', metric: 'visitors_signed_out', title: '来访登记', weight: 40 },
        ],
      });
      assert.equal(res.statusCode, 201, res.body);
      const { units } = (await central.get(`/api/v1/assessment/sheets/${res.json().id}/ranking`)).json();
      assert.ok(units.length >= 5);
      for (const u of units)
        assert.deepEqual(
          [
            u.total,
            u.rank,
            u.items.every((i: { noData: boolean; points: number | null }) => i.noData && i.points === null),
          ],
          [null, null, true],
        );
    });

    it('a school sees its own sheet and answers an item, but not another school’s sheet nor the ranking', async () => {
      const school = await t.signIn('s1.head');
      const own = await school.get(`/api/v1/assessment/sheets/${sheetId}/units/${s1}`);
      assert.equal(own.statusCode, 200, own.body);
      assert.equal(own.json().canAnswer, true);
      assert.equal((await school.get(`/api/v1/assessment/sheets/${sheetId}/units/${s2}`)).statusCode, 404);
      assert.equal((await school.get(`/api/v1/assessment/sheets/${sheetId}/ranking`)).statusCode, 404);
      const answer = await school.inject({
        method: 'PUT',
        url: `/api/v1/assessment/sheets/${sheetId}/units/${s1}/items/${byMetric('supervised_closed').id}/answer`,
        payload: { text: '燃气管道更换需等供货，已报中心学校。' },
      });
      assert.equal(answer.statusCode, 200, answer.body);
      assert.equal(
        answer.json().score.items.find((i: { itemId: string }) => i.itemId === byMetric('supervised_closed').id).answer,
        '燃气管道更换需等供货，已报中心学校。',
      );
      const other = await (
        await t.signIn('s2.head')
      ).inject({
        method: 'PUT',
        url: `/api/v1/assessment/sheets/${sheetId}/units/${s1}/items/${byMetric('supervised_closed').id}/answer`,
        payload: { text: 'x' },
      });
      assert.equal(other.statusCode, 404);
      const audit = await t.c.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'assessment.%')
        .execute();
      assert.deepEqual([...new Set(audit.map((a) => a.action))].sort(), [
        'assessment.answer',
        'assessment.create',
        'assessment.items',
        'assessment.score',
      ]);
    });

    it('exports the ranking as xlsx and a unit’s sheet as docx', async () => {
      const xlsx = await central.get(`/api/v1/assessment/sheets/${sheetId}/ranking.xlsx`);
      assert.equal(xlsx.statusCode, 200);
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
      const docx = await central.get(`/api/v1/assessment/sheets/${sheetId}/units/${s1}/sheet.docx`);
      assert.equal(docx.statusCode, 200);
      assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    });
  });
}
