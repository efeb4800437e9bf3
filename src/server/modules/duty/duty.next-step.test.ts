import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

// Tuesday 1 June 2027, 10:00 in Shanghai.
const T0 = new Date('2027-06-01T02:00:00.000Z');

interface NextStep {
  unitId?: string;
  mayEditRoster: boolean;
  askWhom: { id: string; name: string; phone: string | null; unitName: string }[];
}

/*
 * Every duty warning offers its next step (issue #13): the server says whether the reader keeps the
 * unit's roster — exactly when its roster changes would be accepted — and, if not, whom to ask.
 */
for (const dialect of dialectsUnderTest()) {
  describe(`duty warnings' next step (${dialect})`, () => {
    let t: TestApp;
    let s1: string;
    const as: Record<string, Client> = {};

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock: new FakeClock(T0) });
      s1 = await unitIdByName(t, '城关镇第一小学');
      for (const name of ['s1.safety', 's1.teacher1', 's1.head', 'cs1.safety']) as[name] = await t.signIn(name);
    });
    after(() => t.close());

    const nextStep = async (who: string, unitId = s1) => {
      const res = await as[who]!.get(`/api/v1/duty/next-step?unitId=${unitId}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as NextStep;
    };
    /** Whether the server lets this person add a shift: the real test of keeping the roster. */
    const mayAddShift = async (who: string) => {
      const res = await as[who]!.post('/api/v1/duty/shifts', {
        unitId: s1,
        startsAt: '2027-06-10T00:00:00.000Z',
        endsAt: '2027-06-10T04:00:00.000Z',
        dutyLeaderId: null,
        staffIds: [],
      });
      if (res.statusCode === 201) await t.c.db.deleteFrom('duty_shifts').where('id', '=', res.json().id).execute();
      return res.statusCode !== 403;
    };

    it('offers the step to those who keep the roster, and to nobody else', async () => {
      for (const who of ['s1.safety', 'cs1.safety', 's1.teacher1', 's1.head']) {
        assert.equal((await nextStep(who)).mayEditRoster, await mayAddShift(who), who);
      }
      assert.equal((await nextStep('s1.safety')).mayEditRoster, true);
      assert.equal((await nextStep('cs1.safety')).mayEditRoster, true, 'a safety officer above keeps it too');
      assert.equal((await nextStep('s1.teacher1')).mayEditRoster, false);
    });

    it('tells the others whom to ask: the unit’s safety officers, by name and phone', async () => {
      const keepers = await t.c.db
        .selectFrom('memberships')
        .innerJoin('people', 'people.id', 'memberships.person_id')
        .select(['people.id', 'people.name', 'people.phone'])
        .where('memberships.unit_id', '=', s1)
        .where('memberships.role', '=', 'safety_officer')
        .execute();
      assert.ok(keepers.length > 0);
      const step = await nextStep('s1.teacher1');
      assert.deepEqual(
        step.askWhom.map((p) => [p.id, p.name, p.phone, p.unitName]),
        keepers.map((k) => [k.id, k.name, k.phone, '城关镇第一小学']),
      );
    });

    it('a unit without a safety officer points to the nearest unit above that has one', async () => {
      await t.c.db.deleteFrom('memberships').where('unit_id', '=', s1).where('role', '=', 'safety_officer').execute();
      const step = await nextStep('s1.teacher1');
      const above = await t.c.db
        .selectFrom('memberships')
        .innerJoin('people', 'people.id', 'memberships.person_id')
        .innerJoin('units', 'units.id', 'memberships.unit_id')
        .select(['people.name', 'units.name as unit'])
        .where('people.id', '=', as['cs1.safety']!.me.personId)
        .where('memberships.role', '=', 'safety_officer')
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        step.askWhom.map((p) => [p.name, p.unitName]),
        [[above.name, above.unit]],
      );
      assert.equal(step.askWhom[0]!.phone, null, 'the phone of someone in a unit above the reader’s is not shown');
    });

    it('the gaps and 当前值班 carry the same next step', async () => {
      const gaps = (await as['s1.teacher1']!.get(`/api/v1/duty/gaps?unitId=${s1}&days=7`)).json();
      assert.ok(gaps.gaps.length > 0, 'no roster: the week is a gap');
      const { unitId: _unit, ...step } = await nextStep('s1.teacher1');
      assert.deepEqual(gaps.nextStep, step);
      const now = (await as['s1.teacher1']!.get(`/api/v1/duty/now?unitId=${s1}`)).json();
      assert.deepEqual(now.units.find((u: { unitId: string }) => u.unitId === s1).nextStep, step);
    });
  });
}
