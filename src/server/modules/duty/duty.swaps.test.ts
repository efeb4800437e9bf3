import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

// Tuesday 1 June 2027, 10:00 in Shanghai: the shift of 1 June (08:00 → 08:00) is on.
const T0 = new Date('2027-06-01T02:00:00.000Z');

interface ShiftView {
  id: string;
  localDate: string;
  dutyLeader: { id: string } | null;
  staff: { id: string; phone: string | null }[];
  handover: { acknowledgedBy: { id: string } | null } | null;
}

for (const dialect of dialectsUnderTest()) {
  describe(`swaps, overrides and handovers (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let s1: string;
    const as: Record<string, Client> = {};
    let day: ShiftView[];

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      s1 = await unitIdByName(t, '城关镇第一小学');
      for (const name of ['s1.head', 's1.safety', 's1.gate', 's1.teacher1', 's2.head']) as[name] = await t.signIn(name);
      const id = (name: string) => as[name]!.me.personId;
      const res = await as['s1.safety']!.post('/api/v1/duty/rotations', {
        unitId: s1,
        name: '值班',
        kind: 'daily',
        startDate: '2027-06-01',
        daysAhead: 4,
        slots: [
          { dutyLeaderId: id('s1.head'), staffIds: [id('s1.teacher1')] },
          { dutyLeaderId: id('s1.safety'), staffIds: [id('s1.gate')] },
        ],
      });
      assert.equal(res.statusCode, 201, res.body);
      day = await roster();
    });
    after(() => t.close());

    const id = (name: string) => as[name]!.me.personId;
    const put = (who: Client, url: string, body: unknown) =>
      who.inject({ method: 'PUT', url, payload: body as object });
    async function roster(): Promise<ShiftView[]> {
      return (await as['s1.head']!.get(`/api/v1/duty/roster?unitId=${s1}&from=2027-06-01&to=2027-06-04`)).json().shifts;
    }

    it('a handover is written by someone on the shift and acknowledged by someone on the next shift only', async () => {
      const [today, tomorrow] = day;
      const early = await as['s1.gate']!.post(`/api/v1/duty/shifts/${tomorrow!.id}/handover`, { happened: '平安' });
      assert.equal(early.statusCode, 409, 'tomorrow’s shift has not started');
      assert.equal(
        (await as['s1.gate']!.post(`/api/v1/duty/shifts/${today!.id}/handover`, { happened: '平安' })).statusCode,
        403,
        'the gate is not on today’s shift',
      );
      const written = await as['s1.teacher1']!.post(`/api/v1/duty/shifts/${today!.id}/handover`, {
        happened: '夜间巡查两次，无异常。',
        pending: '东门门禁待维修',
      });
      assert.equal(written.statusCode, 201, written.body);
      const handover = written.json();
      const told = (await as['s1.gate']!.get('/api/v1/notifications'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'duty.handover');
      assert.equal(told.length, 1, 'the next shift hears of it');
      assert.equal(
        (await as['s1.head']!.post(`/api/v1/duty/handovers/${handover.id}/acknowledge`)).statusCode,
        403,
        'the head is on today’s shift, not the next',
      );
      assert.equal(
        (await as['s2.head']!.post(`/api/v1/duty/handovers/${handover.id}/acknowledge`)).statusCode,
        404,
        'another school cannot see it',
      );
      const ack = await as['s1.gate']!.post(`/api/v1/duty/handovers/${handover.id}/acknowledge`);
      assert.equal(ack.statusCode, 200, ack.body);
      assert.equal(ack.json().acknowledgedBy.id, id('s1.gate'));
      assert.equal((await as['s1.safety']!.post(`/api/v1/duty/handovers/${handover.id}/acknowledge`)).statusCode, 409);
      assert.equal((await roster())[0]!.handover!.acknowledgedBy!.id, id('s1.gate'));
    });

    it('a swap changes nothing until the other person consents; nobody else may consent', async () => {
      const [, second, third] = day;
      // The teacher (on 3 June) offers it to the gate, taking the gate's 2 June in exchange.
      const proposed = await as['s1.teacher1']!.post('/api/v1/duty/swaps', {
        shiftId: third!.id,
        withPersonId: id('s1.gate'),
        otherShiftId: second!.id,
        note: '家中有事',
      });
      assert.equal(proposed.statusCode, 201, proposed.body);
      const swap = proposed.json();
      assert.equal(
        (await as['s1.gate']!.get('/api/v1/notifications'))
          .json()
          .items.filter((n: { kind: string }) => n.kind === 'duty.swap').length,
        1,
      );
      for (const other of ['s1.head', 's1.safety', 's1.teacher1']) {
        const res = await as[other]!.post(`/api/v1/duty/swaps/${swap.id}/accept`);
        assert.equal(res.statusCode, 403, `${other} may not consent for the gate`);
      }
      let now = await roster();
      assert.deepEqual(
        [now[1]!.staff[0]!.id, now[2]!.staff[0]!.id],
        [id('s1.gate'), id('s1.teacher1')],
        'nothing moved yet',
      );
      assert.equal(now[2]!.staff.length, 1);
      const ok = await as['s1.gate']!.post(`/api/v1/duty/swaps/${swap.id}/accept`);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().state, 'accepted');
      now = await roster();
      assert.deepEqual([now[1]!.staff[0]!.id, now[2]!.staff[0]!.id], [id('s1.teacher1'), id('s1.gate')]);
      assert.equal((await as['s1.gate']!.post(`/api/v1/duty/swaps/${swap.id}/accept`)).statusCode, 409);
      const told = (await as['s1.teacher1']!.get('/api/v1/notifications'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'duty.swap');
      assert.equal(told.length, 1, 'the teacher hears the answer');
    });

    it('a swap may only be asked by someone on the shift, and is refused by field when it cannot work', async () => {
      const [, , , fourth] = day;
      assert.equal(
        (await as['s1.teacher1']!.post('/api/v1/duty/swaps', { shiftId: fourth!.id, withPersonId: id('s1.gate') }))
          .statusCode,
        403,
      );
      const self = await as['s1.gate']!.post(
        '/api/v1/duty/swaps',
        { shiftId: fourth!.id, withPersonId: id('s1.gate') },
        { 'accept-language': 'en' },
      );
      assert.equal(self.statusCode, 422);
      assert.equal(self.json().errors[0].field, 'withPersonId');
      const outsider = await as['s1.gate']!.post('/api/v1/duty/swaps', {
        shiftId: fourth!.id,
        withPersonId: id('s2.head'),
      });
      assert.equal(outsider.json().errors[0].field, 'withPersonId');
      // A cover request, declined: nothing changes.
      const cover = (
        await as['s1.gate']!.post('/api/v1/duty/swaps', { shiftId: fourth!.id, withPersonId: id('s1.teacher1') })
      ).json();
      assert.equal((await as['s1.teacher1']!.post(`/api/v1/duty/swaps/${cover.id}/decline`)).json().state, 'declined');
      assert.equal((await roster())[3]!.staff[0]!.id, id('s1.gate'));
    });

    it('the safety officer overrides a shift; it is audited, and pending swaps on it lapse', async () => {
      const [, , , fourth] = day;
      const pending = (
        await as['s1.gate']!.post('/api/v1/duty/swaps', { shiftId: fourth!.id, withPersonId: id('s1.teacher1') })
      ).json();
      const body = { dutyLeaderId: id('s1.head'), staffIds: [id('s1.teacher1')], reason: '门卫请病假' };
      assert.equal(
        (await put(as['s1.head']!, `/api/v1/duty/shifts/${fourth!.id}/people`, body)).statusCode,
        403,
        'the head is not the safety officer',
      );
      const res = await put(as['s1.safety']!, `/api/v1/duty/shifts/${fourth!.id}/people`, body);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        [res.json().dutyLeader.id, res.json().staff.map((p: { id: string }) => p.id)],
        [id('s1.head'), [id('s1.teacher1')]],
      );
      const entry = await t.c.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'duty.override')
        .executeTakeFirstOrThrow();
      assert.equal(entry.actor_label, 's1.safety');
      assert.match(entry.before_json!, new RegExp(id('s1.gate')));
      assert.match(entry.after_json!, /门卫请病假/);
      assert.equal(
        (await as['s1.teacher1']!.post(`/api/v1/duty/swaps/${pending.id}/accept`)).statusCode,
        409,
        'the swap lapsed',
      );
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true);
    });

    it('who is on duty now: the unit and the whole subtree, with phone numbers; nothing outside it', async () => {
      const cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      const supervisor = await t.signIn('cs1.head');
      const res = await supervisor.get('/api/v1/duty/now');
      assert.equal(res.statusCode, 200, res.body);
      const units = res.json().units as { unitId: string; unitName: string; shifts: ShiftView[] }[];
      assert.equal(units[0]!.unitId, cs1);
      assert.equal(units.length, 6, 'the central school and its five schools and kindergartens');
      const school = units.find((u) => u.unitId === s1)!;
      assert.equal(school.shifts.length, 1);
      assert.equal(school.shifts[0]!.dutyLeader!.id, id('s1.head'));
      assert.match(school.shifts[0]!.staff[0]!.phone!, /^139\d{8}$/);
      assert.ok(units.filter((u) => u.unitId !== s1).every((u) => u.shifts.length === 0));
      const one = (await supervisor.get(`/api/v1/duty/now?unitId=${s1}`)).json().units;
      assert.deepEqual(
        one.map((u: { unitId: string }) => u.unitId),
        [s1],
      );
      assert.equal((await as['s2.head']!.get(`/api/v1/duty/now?unitId=${s1}`)).statusCode, 404);
      const onDuty = await t.c.duty.onDutyAt(s1, T0);
      assert.deepEqual(
        onDuty.map((d) => [d.dutyLeader?.id, d.staff.map((p) => p.id)]),
        [[id('s1.head'), [id('s1.teacher1')]]],
      );
    });

    it('gaps in advance: a shift without its duty leader, and the time after the roster ends', async () => {
      const [, second] = day;
      await put(as['s1.safety']!, `/api/v1/duty/shifts/${second!.id}/people`, {
        dutyLeaderId: null,
        staffIds: [id('s1.teacher1')],
      });
      const res = await as['s1.head']!.get(`/api/v1/duty/gaps?unitId=${s1}&days=7`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        res
          .json()
          .gaps.map((g: { kind: string; startsAt: string; endsAt: string; shiftId: string | null }) => [
            g.kind,
            g.startsAt,
            g.endsAt,
            g.shiftId,
          ]),
        [
          ['no_duty_leader', '2027-06-02T00:00:00.000Z', '2027-06-03T00:00:00.000Z', second!.id],
          ['uncovered', '2027-06-05T00:00:00.000Z', '2027-06-08T02:00:00.000Z', null],
        ],
      );
      const s2 = await unitIdByName(t, '城关镇第二小学');
      const empty = (await as['s2.head']!.get(`/api/v1/duty/gaps?unitId=${s2}&days=2`)).json().gaps;
      assert.deepEqual(
        empty.map((g: { kind: string; startsAt: string; endsAt: string }) => [g.kind, g.startsAt, g.endsAt]),
        [['uncovered', T0.toISOString(), '2027-06-03T02:00:00.000Z']],
      );
    });
  });
}
