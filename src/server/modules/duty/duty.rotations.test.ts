import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

// Monday 22 March 2027, 10:00 in Shanghai; Berlin moves its clocks on Sunday the 28th.
const T0 = new Date('2027-03-22T02:00:00.000Z');

interface ShiftView {
  id: string;
  kind: string;
  localDate: string;
  startsAt: string;
  endsAt: string;
  rotationId: string | null;
  dutyLeader: { id: string; name: string } | null;
  staff: { id: string }[];
}

for (const dialect of dialectsUnderTest()) {
  describe(`duty rotations (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let safety: Client;
    let s1: string;
    let s4: string;
    const people = new Map<string, string>();

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      s1 = await unitIdByName(t, '城关镇第一小学');
      s4 = await unitIdByName(t, '石桥镇中心小学');
      const admin = await t.signIn('admin');
      assert.equal((await admin.patch(`/api/v1/units/${s4}`, { timeZone: 'Europe/Berlin' })).statusCode, 200);
      safety = await t.signIn('bureau.safety');
      for (const name of ['s1.head', 's1.safety', 's1.gate', 's1.teacher1', 's4.head', 's4.safety', 's4.teacher1']) {
        people.set(name, (await t.signIn(name)).me.personId);
      }
    });
    after(() => t.close());

    const roster = async (unitId: string, from: string, to: string): Promise<ShiftView[]> => {
      const res = await safety.get(`/api/v1/duty/roster?unitId=${unitId}&from=${from}&to=${to}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().shifts;
    };
    const slot = (leader: string, staff: string[] = [], turns = 1) => ({
      dutyLeaderId: people.get(leader),
      staffIds: staff.map((s) => people.get(s)),
      turns,
    });

    const asiaShanghaiDailyHour =
      'Asia/Shanghai, daily: one 24-hour shift a day from 08:00, the slots taking turns, for the days ahead asked';
    it(asiaShanghaiDailyHour, async () => {
      const res = await safety.post('/api/v1/duty/rotations', {
        unitId: s1,
        name: '行政值班',
        kind: 'daily',
        startDate: '2027-03-22',
        daysAhead: 7,
        slots: [slot('s1.head', ['s1.teacher1']), slot('s1.safety', ['s1.gate'])],
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json().generated, { created: 7, skipped: 0, generatedThrough: '2027-03-28' });
      const shifts = await roster(s1, '2027-03-20', '2027-04-05');
      assert.deepEqual(
        shifts.map((s) => [s.localDate, s.kind, s.startsAt, s.endsAt]),
        Array.from({ length: 7 }, (_, i) => {
          const day = 22 + i;
          return [`2027-03-${day}`, '24h', `2027-03-${day}T00:00:00.000Z`, `2027-03-${day + 1}T00:00:00.000Z`];
        }),
      );
      assert.deepEqual(
        shifts.map((s) => s.dutyLeader!.id),
        [0, 1, 0, 1, 0, 1, 0].map((i) => people.get(i ? 's1.safety' : 's1.head')),
      );
      assert.deepEqual(
        shifts[1]!.staff.map((p) => p.id),
        [people.get('s1.gate')],
      );
    });

    const europeBerlinCustomPattern =
      'Europe/Berlin, custom pattern: local 08:00 holds across the change to summer time (a 23-hour shift)';
    it(europeBerlinCustomPattern, async () => {
      const res = await safety.post('/api/v1/duty/rotations', {
        unitId: s4,
        name: 'Custom',
        kind: 'custom',
        startDate: '2027-03-26',
        daysAhead: 10,
        slots: [slot('s4.head', ['s4.teacher1'], 2), slot('s4.safety', [], 1)],
      });
      assert.equal(res.statusCode, 201, res.body);
      const shifts = await roster(s4, '2027-03-20', '2027-04-05');
      assert.deepEqual(
        shifts.map((s) => [s.localDate, s.startsAt, s.endsAt]),
        [
          ['2027-03-26', '2027-03-26T07:00:00.000Z', '2027-03-27T07:00:00.000Z'],
          ['2027-03-27', '2027-03-27T07:00:00.000Z', '2027-03-28T06:00:00.000Z'],
          ['2027-03-28', '2027-03-28T06:00:00.000Z', '2027-03-29T06:00:00.000Z'],
          ['2027-03-29', '2027-03-29T06:00:00.000Z', '2027-03-30T06:00:00.000Z'],
          ['2027-03-30', '2027-03-30T06:00:00.000Z', '2027-03-31T06:00:00.000Z'],
          ['2027-03-31', '2027-03-31T06:00:00.000Z', '2027-04-01T06:00:00.000Z'],
        ],
      );
      assert.deepEqual(
        shifts.map((s) => s.dutyLeader!.id),
        ['s4.head', 's4.head', 's4.safety', 's4.head', 's4.head', 's4.safety'].map((n) => people.get(n)),
      );
    });

    const engineExtendsRotationEach =
      'the engine extends a rotation each day, going on where the turns stopped; shifts already there are kept';
    it(engineExtendsRotationEach, async () => {
      const [rotation] = (await safety.get(`/api/v1/duty/rotations?unitId=${s1}`)).json();
      // A shift entered by hand on the 29th is left alone; the turn still passes.
      const manual = await safety.post('/api/v1/duty/shifts', {
        unitId: s1,
        kind: 'custom',
        startsAt: '2027-03-29T01:00:00.000Z',
        endsAt: '2027-03-29T09:00:00.000Z',
        dutyLeaderId: people.get('s1.gate'),
        staffIds: [],
      });
      assert.equal(manual.statusCode, 201, manual.body);
      clock.set('2027-03-22T16:10:00.000Z'); // 00:10 on the 23rd in Shanghai
      await t.c.engine.tick();
      safety = await t.signIn('bureau.safety'); // sessions last 12 hours
      const shifts = await roster(s1, '2027-03-28', '2027-03-31');
      assert.deepEqual(
        shifts.map((s) => [s.localDate, s.rotationId === rotation.id]),
        [
          ['2027-03-28', true],
          ['2027-03-29', false],
        ],
      );
      const more = await safety.post(`/api/v1/duty/rotations/${rotation.id}/generate`, { days: 10 });
      assert.equal(more.statusCode, 200, more.body);
      assert.deepEqual(more.json(), { created: 3, skipped: 0, generatedThrough: '2027-04-01' });
      const later = await roster(s1, '2027-03-30', '2027-04-01');
      // Turns: 22 head … 28 head, 29 (hand-entered: safety's turn passes), 30 head, 31 safety, 1 April head.
      assert.deepEqual(
        later.map((s) => s.dutyLeader!.id),
        ['s1.head', 's1.safety', 's1.head'].map((n) => people.get(n)),
      );
    });

    it('day and night shifts where the plan in force says so', async () => {
      const s2 = await unitIdByName(t, '城关镇第二小学');
      const head = await t.signIn('s2.head');
      const plan = (await head.post('/api/v1/plans', { unitId: s2, template: 'school' })).json();
      const edited = await head.patch(`/api/v1/plans/${plan.planId}/draft`, {
        content: { ...plan.content, duty: { ...plan.content.duty, shiftPattern: 'day_night' } },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const published = await head.post(`/api/v1/plans/${plan.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);
      const s2safety = await t.signIn('s2.safety');
      const headId = head.me.personId;
      const res = await s2safety.post('/api/v1/duty/rotations', {
        unitId: s2,
        name: '昼夜',
        kind: 'daily',
        startDate: '2027-03-23',
        daysAhead: 2,
        slots: [{ dutyLeaderId: headId }, { dutyLeaderId: s2safety.me.personId }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const shifts = await roster(s2, '2027-03-23', '2027-03-23');
      assert.deepEqual(
        shifts.map((s) => [s.kind, s.startsAt, s.endsAt, s.dutyLeader!.id]),
        [
          ['day', '2027-03-23T00:00:00.000Z', '2027-03-23T12:00:00.000Z', headId],
          ['night', '2027-03-23T12:00:00.000Z', '2027-03-24T00:00:00.000Z', s2safety.me.personId],
        ],
      );
    });

    it('only the safety officer keeps the roster; people from elsewhere are refused by field', async () => {
      const teacher = await t.signIn('s1.teacher1');
      const body = {
        unitId: s1,
        name: 'x',
        kind: 'daily',
        startDate: '2027-03-30',
        slots: [{ dutyLeaderId: people.get('s1.head') }],
      };
      assert.equal((await teacher.post('/api/v1/duty/rotations', body)).statusCode, 403);
      const s1safety = await t.signIn('s1.safety');
      const foreign = await s1safety.post(
        '/api/v1/duty/rotations',
        { ...body, slots: [{ dutyLeaderId: people.get('s4.head') }] },
        { 'accept-language': 'en' },
      );
      assert.equal(foreign.statusCode, 422);
      assert.equal(foreign.json().errors[0].field, 'slots.0.dutyLeaderId');
      assert.match(foreign.json().errors[0].message, /duty leader/);
    });
  });
}
