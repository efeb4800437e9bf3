import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { median } from './analytics-figures.js';
import type { StepKind } from '../../../common/schemas/incidents.js';
import type { Insertable } from 'kysely';
import type { RectificationTaskTable } from '../inspections/inspections.table.js';

const NOW = new Date('2027-04-02T02:00:00.000Z');
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

describe('analytics arithmetic', () => {
  it('median of odd and even counts, none for no values', () => {
    assert.deepEqual([median([30, 4, 10]), median([60, 150]), median([])], [10, 105, null]);
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`analytics for the bureau's subtree (${dialect})`, () => {
    let t: TestApp;
    let bureau: Client;
    let s1: string;
    let cs1: string;

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock: new FakeClock(NOW) });
      s1 = await unitIdByName(t, '城关镇第一小学');
      cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      bureau = await t.signIn('bureau.safety');
      const owner = (await t.signIn('s1.head')).me.personId;
      const db = t.c.db;
      // Three real incidents at s1: acknowledged after 4, 10 and 30 minutes; reported up after 60 and 150. A drill is
      // left out.
      const incidents = [
        { reported: '2027-03-02T01:00:00.000Z', ack: 4, report: 60, drill: 0 },
        { reported: '2027-03-09T01:00:00.000Z', ack: 10, report: 150, drill: 0 },
        { reported: '2027-03-16T01:00:00.000Z', ack: 30, report: null, drill: 0 },
        { reported: '2027-03-20T01:00:00.000Z', ack: 500, report: 900, drill: 1 },
      ];
      for (const i of incidents) {
        const id = newId();
        await db
          .insertInto('incidents')
          .values({
            id,
            unit_id: s1,
            type: 'injury',
            severity: 4,
            place: '操场',
            description: '学生摔伤',
            occurred_at: i.reported,
            reported_at: i.reported,
            reporter_person_id: null,
            status: 'closed',
            drill: i.drill,
            plan_id: null,
            plan_version: null,
            closed_at: null,
            created_at: i.reported,
            updated_at: i.reported,
          })
          .execute();
        const step = (position: number, kind: StepKind, minutes: number | null, deadline: number) => ({
          id: newId(),
          incident_id: id,
          position,
          kind,
          target_unit_id: s1,
          role: 'accountable_head' as const,
          deadline_minutes: deadline,
          due_at: at(i.reported, deadline),
          state: minutes === null ? ('active' as const) : ('done' as const),
          late: minutes !== null && minutes > deadline ? 1 : 0,
          simulated: 0,
          activated_at: i.reported,
          done_at: minutes === null ? null : at(i.reported, minutes),
          done_by_person_id: null,
          report_text: null,
        });
        await db
          .insertInto('incident_steps')
          .values([step(1, 'notify', i.ack, 10), step(2, 'report', i.report, 120)])
          .execute();
      }
      // s1: two late days in the week of 1 March, one missing in the week of 8 March.
      await db
        .insertInto('daily_report_months')
        .values({ month: '2027-03', unit_id: s1, days: 'ooll---om'.padEnd(31, '-') })
        .execute();
      const task = (
        created: string,
        supervised: boolean,
        extra: Partial<Insertable<RectificationTaskTable>> = {},
      ): Insertable<RectificationTaskTable> => ({
        id: newId(),
        unit_id: s1,
        title: '灭火器过期',
        risk: 'high',
        source_kind: 'inspection',
        source_id: null,
        source_label: '消防设施',
        source_item_code: null,
        source_detail: null,
        owner_person_id: owner,
        due_at: at(created, 7 * 24 * 60),
        state: 'open',
        overdue_at: null,
        escalated_at: null,
        reported_fixed_at: null,
        closed_at: null,
        verified_by_person_id: null,
        supervising_unit_id: supervised ? cs1 : null,
        supervised_at: supervised ? created : null,
        supervised_by_person_id: null,
        supervision_note: null,
        created_by_person_id: null,
        created_at: created,
        updated_at: created,
        ...extra,
      });
      await db
        .insertInto('rectification_tasks')
        .values([
          task('2027-03-30T02:00:00.000Z', false),
          task('2027-03-10T02:00:00.000Z', true),
          task('2026-12-01T02:00:00.000Z', true),
          task('2027-03-03T02:00:00.000Z', false, { state: 'closed', closed_at: '2027-03-05T02:00:00.000Z' }),
          task('2027-03-01T02:00:00.000Z', false, {
            state: 'closed',
            closed_at: '2027-03-20T02:00:00.000Z',
            risk: 'low',
          }),
        ])
        .execute();
    });
    after(() => t.close());

    it('shows response times, the heat map, ageing and the quarter’s hazard table as worked out by hand', async () => {
      const res = await bureau.get('/api/v1/analytics?from=2027-03-01&last=2027-03-31');
      assert.equal(res.statusCode, 200, res.body);
      const a = res.json();
      assert.deepEqual(a.response, [
        {
          unitId: s1,
          unitName: '城关镇第一小学',
          acknowledged: 3,
          ackMedianMinutes: 10,
          ackWorstMinutes: 30,
          reported: 2,
          reportMedianMinutes: 105,
          reportWorstMinutes: 150,
        },
      ]);
      // Rows are the bureau's children; cs1 holds s1. Weeks start on Mondays: 1, 8, 15, 22, 29 March 2027.
      assert.deepEqual(a.heat.weeks, ['2027-03-01', '2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29']);
      assert.deepEqual(a.heat.rows.find((r: { unitId: string }) => r.unitId === cs1).counts, [2, 1, 0, 0, 0]);
      // Open on 2 April: 3 days old (hazard), 23 days (supervised), 122 days (supervised).
      assert.deepEqual(
        [a.ageing.hazards, a.ageing.supervised],
        [
          [1, 1, 0, 1],
          [0, 1, 0, 1],
        ],
      );
      // March: high risk found 3 (30 Mar, 10 Mar, 3 Mar), fixed 1 (3 Mar, on time); overdue: 10 Mar (due 17 Mar) and 1
      // Dec,
      // still open at the end of March. Low risk: found 1 Mar, closed 20 Mar after its 8 March deadline → fixed and
      // overdue.
      assert.deepEqual(a.hazards, [
        { category: '消防设施', risk: 'high', found: 3, fixed: 1, overdue: 2 },
        { category: '消防设施', risk: 'low', found: 1, fixed: 1, overdue: 1 },
      ]);
    });

    it('answers each view on its own as in the whole', async () => {
      const q = 'from=2027-03-01&last=2027-03-31';
      const all = (await bureau.get(`/api/v1/analytics?${q}`)).json();
      for (const part of ['response', 'heat', 'ageing', 'hazards']) {
        const res = await bureau.get(`/api/v1/analytics/${part}?${q}`);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json()[part], all[part]);
        assert.deepEqual([res.json().from, res.json().last], ['2027-03-01', '2027-03-31']);
      }
    });

    it('refuses a period that runs backwards, naming the field; a school cannot read the bureau', async () => {
      const res = await bureau.get('/api/v1/analytics?from=2027-03-31&last=2027-03-01');
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().errors[0].field, 'from');
      const school = await t.signIn('s1.head');
      const bureauId = await unitIdByName(t, '青山县教育局');
      assert.equal((await school.get(`/api/v1/analytics?unitId=${bureauId}`)).statusCode, 404);
      const xlsx = await bureau.get('/api/v1/analytics/export.xlsx?from=2027-03-01&last=2027-03-31');
      assert.equal(xlsx.statusCode, 200);
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    });
  });
}
