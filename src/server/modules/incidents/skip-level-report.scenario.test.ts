import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { localToUtc } from '../../../common/time.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * The kindergarten plan (篇4): the head within 10 minutes, the central school above copied within an
 * hour, the formal report to the county education bureau — two levels up — within two hours. Two
 * kindergartens under the same central school publish it from the template, one in Shanghai and
 * one in New York; incidents reported at 00:30, 07:30, 15:30 and 23:30 Shanghai time reach the
 * bureau, whose safety officer receives the filed report. A plan naming a unit that is not above
 * the kindergarten is refused at publish, the step named.
 */
const SH = 'Asia/Shanghai';
const MOMENTS = [
  ['2027-06-01', '00:30'],
  ['2027-06-03', '07:30'],
  ['2027-06-05', '15:30'],
  ['2027-06-07', '23:30'],
] as const;
interface Step {
  id: string;
  kind: string;
  targetUnitId: string;
  dueAt: string;
  state: string;
  late: boolean;
}

for (const dialect of dialectsUnderTest()) {
  describe(`a kindergarten's formal report reaches the bureau two levels up, at any hour (${dialect})`, () => {
    const clock = new FakeClock('2027-05-30T02:00:00Z');
    let t: TestApp;
    const id = { bureau: '', cs1: '', k1: '', k2: '', s1: '' };
    const sign = (username: string): Promise<Client> => t.signIn(username);

    async function publishTemplate(unit: 'k1' | 'k2') {
      const plan = (
        await (await sign(`${unit}.safety`)).post('/api/v1/plans', { unitId: id[unit], template: 'kindergarten' })
      ).json();
      const published = await (await sign(`${unit}.head`)).post(`/api/v1/plans/${plan.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);
    }

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_LOGIN_ATTEMPTS: '1000' } });
      id.bureau = await unitIdByName(t, '青山县教育局');
      id.cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      id.k1 = await unitIdByName(t, '城关镇中心幼儿园');
      id.k2 = await unitIdByName(t, '城关镇阳光幼儿园');
      id.s1 = await unitIdByName(t, '城关镇第一小学');
      assert.equal(
        (await (await sign('admin')).patch(`/api/v1/units/${id.k2}`, { timeZone: 'America/New_York' })).statusCode,
        200,
      );
      await publishTemplate('k1');
      await publishTemplate('k2');
    });
    after(() => t.close());

    for (const [day, time] of MOMENTS) {
      for (const unit of ['k1', 'k2'] as const) {
        const shanghaiHeadCentralSchool =
          `at ${time} in Shanghai (${day}), ` +
          `${unit === 'k1' ? 'Shanghai' : 'New York'}: head, central school copied, bureau`;
        it(shanghaiHeadCentralSchool, async () => {
          const now = localToUtc(day, time, SH);
          clock.set(now);
          const teacher = await sign(`${unit}.teacher1`);
          const created = await teacher.post('/api/v1/incidents', {
            unitId: id[unit],
            type: 'injury',
            severity: 4,
            place: '操场',
            description: '一名幼儿摔倒擦伤',
          });
          assert.equal(created.statusCode, 201, created.body);
          const incident = created.json() as { id: string; steps: Step[] };
          assert.deepEqual(
            incident.steps.map((s) => [s.kind, s.targetUnitId]),
            [
              ['notify', id[unit]],
              ['notify', id.cs1],
              ['report', id.bureau],
            ],
          );
          assert.deepEqual(
            incident.steps.map((s) => s.dueAt),
            [10, 60, 120].map((m) => new Date(now.getTime() + m * 60_000).toISOString()),
          );

          const head = await sign(`${unit}.head`);
          const ack = (who: Client, step: Step) =>
            who.post(`/api/v1/incidents/${incident.id}/steps/${step.id}/acknowledge`);
          assert.equal((await ack(head, incident.steps[0]!)).statusCode, 204);
          clock.set(new Date(now.getTime() + 20 * 60_000));
          await t.c.engine.tick();
          assert.equal(
            (await ack(await sign('cs1.head'), incident.steps[1]!)).statusCode,
            204,
            'the central school acknowledges its copy',
          );
          const filed = await head.post(`/api/v1/incidents/${incident.id}/steps/${incident.steps[2]!.id}/report`, {
            text: '幼儿轻微擦伤，已处理。',
          });
          assert.ok(filed.statusCode < 300, filed.body);
          const bureau = await sign('bureau.safety');
          const steps = (await bureau.get(`/api/v1/incidents/${incident.id}`)).json().steps as Step[];
          assert.deepEqual(
            steps.map((s) => [s.state, s.late]),
            [
              ['done', false],
              ['done', false],
              ['done', false],
            ],
            'the bureau sees the report filed on time',
          );
          const told = await t.c.db
            .selectFrom('notifications')
            .select('link')
            .where('person_id', '=', bureau.me.personId)
            .where('link', 'like', `%${incident.id}%`)
            .execute();
          assert.ok(told.length > 0, 'the bureau’s safety officer was told');
        });
      }
    }

    it('a target not above the unit is refused at publish, the step named, and nothing is published', async () => {
      clock.set(localToUtc('2027-06-10', '09:00', SH));
      const safety = await sign('k1.safety');
      const head = await sign('k1.head');
      const plan = (await safety.post('/api/v1/plans', { unitId: id.k1, template: 'kindergarten' })).json();
      const chain = plan.content.reportingChain as Record<string, unknown>[];
      const bad = [
        chain[0],
        { ...chain[1], target: 'ancestor', unitId: id.s1 },
        { ...chain[2], unitType: 'street_office' },
      ];
      assert.equal(
        (
          await safety.patch(`/api/v1/plans/${plan.planId}/draft`, {
            content: { ...plan.content, reportingChain: bad },
          })
        ).statusCode,
        200,
      );
      const refused = await head.post(`/api/v1/plans/${plan.planId}/publish`);
      assert.equal(refused.statusCode, 422, refused.body);
      const errors = refused.json().errors as { field: string; message: string }[];
      assert.deepEqual(
        errors.map((e) => e.field),
        ['content.reportingChain.1.unitId', 'content.reportingChain.2.unitType'],
      );
      assert.match(errors[0]!.message, /第 2 步：所选单位不在本单位之上/);
      assert.match(errors[1]!.message, /第 3 步：本单位之上没有该类型的单位/);
      const english = (
        await head.post(`/api/v1/plans/${plan.planId}/publish`, undefined, { 'accept-language': 'en' })
      ).json().errors as { message: string }[];
      assert.match(english[0]!.message, /step 2: the chosen unit is not above this unit/);
      assert.equal((await head.get(`/api/v1/plans/${plan.planId}`)).json().status, 'draft', 'still a draft');
      // A chosen unit that is above is taken.
      const good = [chain[0], { ...chain[1], target: 'ancestor', unitId: id.cs1 }, chain[2]];
      await safety.patch(`/api/v1/plans/${plan.planId}/draft`, { content: { ...plan.content, reportingChain: good } });
      assert.equal((await head.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);
    });
  });
}
