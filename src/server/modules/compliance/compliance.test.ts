import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { publishSamplePlans } from '../../demo/sample-plans.js';
import { FakeClock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { drillWindows } from './drill-windows.js';
import { guardsNeeded, ruleBook } from './rules-data.js';

describe('rules as data', () => {
  it('every rule file names its source and version', () => {
    const book = ruleBook();
    for (const file of [book.drills, book.campusSecurity, book.planCompleteness]) {
      assert.ok(file.version >= 1);
      assert.ok(file.source['zh-CN'].length > 4 && file.source.en.length > 4);
    }
    assert.match(book.campusSecurity.source['zh-CN'], /GB\/T 29315-2022/);
  });

  it('guards follow enrolment: 1 under 100, 2 under 1,000, 3 from 1,000 and one more each further 500', () => {
    assert.deepEqual(
      [0, 99, 100, 999, 1000, 1499, 1500, 2000, 2600].map((n) => guardsNeeded(n)),
      [1, 1, 2, 2, 3, 3, 4, 5, 6],
    );
  });

  it('a school must drill every calendar month in its own zone; a month still running counts only once held', () => {
    const windows = drillWindows({
      unitType: 'school',
      timeZone: 'Asia/Shanghai',
      from: new Date('2027-02-28T16:00:00Z'),
      to: new Date('2027-06-30T16:00:00Z'),
      now: new Date('2027-05-20T00:00:00Z'),
      drills: [
        { id: 'a', endedAt: '2027-03-31T15:30:00Z' },
        { id: 'b', endedAt: '2027-04-30T16:30:00Z' },
      ],
    });
    // b ended 00:30 on 1 May in Shanghai: it counts for May (still running), not for April.
    assert.deepEqual(
      windows!.map((w) => [w.start, w.held]),
      [
        ['2027-03-01', true],
        ['2027-04-01', false],
        ['2027-05-01', true],
      ],
    );
    assert.equal(
      drillWindows({
        unitType: 'community',
        timeZone: 'Asia/Shanghai',
        from: new Date(),
        to: new Date(),
        now: new Date(),
        drills: [],
      }),
      null,
    );
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`compliance: red, amber, green per unit with the reason (${dialect})`, () => {
    let t: TestApp;
    let bureau: Client;
    let s1: string;
    let s2: string;
    let k1: string;
    const NOW = new Date('2027-05-20T02:00:00.000Z');

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock: new FakeClock(NOW) });
      s1 = await unitIdByName(t, '城关镇第一小学');
      s2 = await unitIdByName(t, '城关镇第二小学');
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      await publishSamplePlans(t.c, [
        { id: s1, type: 'school' },
        { id: k1, type: 'kindergarten' },
      ]);
      bureau = await t.signIn('bureau.safety');
      const ended = '2027-04-10T02:00:00.000Z';
      await t.c.db
        .insertInto('drills')
        .values({
          id: newId(),
          unit_id: k1,
          type: 'fire_evacuation',
          title: '春季疏散演练',
          planned_date: null,
          status: 'done',
          started_at: ended,
          ended_at: ended,
          participants: 120,
          evacuation_seconds: 150,
          evaluation: '',
          problems_json: '[]',
          created_at: ended,
          updated_at: ended,
        })
        .execute();
    });
    after(() => t.close());

    const view = async (c: Client = bureau, lang = 'zh-CN') => {
      const res = await c.get('/api/v1/compliance', { 'accept-language': lang });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as {
        units: {
          unitId: string;
          state: string;
          checks: { rule: string; state: string; reason: string; source: string }[];
        }[];
        counts: Record<string, number>;
      };
    };
    const check = (v: Awaited<ReturnType<typeof view>>, unitId: string, rule: string) =>
      v.units.find((u) => u.unitId === unitId)!.checks.find((c) => c.rule === rule)!;

    it('says why each unit is red, amber or green, and names the source', async () => {
      const enrol = await (await t.signIn('admin')).patch(`/api/v1/units/${s1}`, { enrolment: 1200 });
      assert.equal(enrol.statusCode, 200, enrol.body);
      assert.equal(enrol.json().enrolment, 1200);
      const v = await view();
      // s1: a sample plan with blanks left, gate and patrols as the standard asks, 1,200 pupils but one gatekeeper, no
      // drill ever.
      assert.deepEqual(
        [check(v, s1, 'plan').state, check(v, s1, 'gate').state, check(v, s1, 'patrols').state],
        ['amber', 'green', 'green'],
      );
      assert.match(check(v, s1, 'plan').reason, /【待填写/);
      assert.deepEqual(
        [check(v, s1, 'guards').state, check(v, s1, 'guards').reason],
        ['red', '在校学生 1200 人，应配保安员 3 名，现有 1 名'],
      );
      assert.match(check(v, s1, 'guards').source, /GB\/T 29315-2022/);
      assert.deepEqual([check(v, s1, 'drills').state, check(v, s1, 'drills').reason], ['red', '从未组织过演练']);
      assert.equal(v.units.find((u) => u.unitId === s1)!.state, 'red');
      // s2: no plan at all, so the gate and patrols are not required by any plan.
      assert.deepEqual(
        [
          check(v, s2, 'plan').state,
          check(v, s2, 'plan').reason,
          check(v, s2, 'gate').state,
          check(v, s2, 'patrols').state,
        ],
        ['red', '没有现行预案', 'red', 'red'],
      );
      // k1: a kindergarten drills each quarter: April's drill covers this quarter, but it took 150 s against 120 s.
      assert.equal(check(v, k1, 'drills').state, 'green');
      assert.deepEqual([check(v, k1, 'evacuation').state, check(v, k1, 'guards').state], ['red', 'amber']);
      assert.equal(v.counts.red! + v.counts.amber! + v.counts.green!, v.units.length);
      const en = await view(bureau, 'en');
      assert.equal(check(en, k1, 'evacuation').reason, 'the last evacuation took 150 s; the target is 120 s');
    });

    it('an enrolment out of range is refused with the field named and nothing changed', async () => {
      const admin = await t.signIn('admin');
      const res = await admin.patch(`/api/v1/units/${s1}`, { enrolment: -5 });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().errors[0].field, 'enrolment');
      assert.equal(
        (await t.c.db.selectFrom('units').select('enrolment').where('id', '=', s1).executeTakeFirstOrThrow()).enrolment,
        1200,
      );
    });

    it('a school sees only itself', async () => {
      const v = await view(await t.signIn('s1.head'));
      assert.deepEqual(
        v.units.map((u) => u.unitId),
        [s1],
      );
    });
  });
}
