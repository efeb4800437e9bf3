import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * The bureau's special period (April 2027) says heads may not leave without approval. The
 * kindergarten's head asks for 5–7 April with the safety officer deputising; the central school
 * approves; the reporting chain then tells the deputy instead of the head on those dates only.
 */
const T0 = new Date('2027-03-30T02:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`leave during a special period (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let k1: string;
    let leaveId: string;
    const ids: Record<string, string> = {};

    const as = async (username: string) => {
      const client = await t.signIn(username);
      ids[username] = client.me.personId;
      return client;
    };

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      const bureau = await unitIdByName(t, '青山县教育局');
      const bureauHead = await as('bureau.head');
      const plan = (
        await bureauHead.post('/api/v1/plans', {
          unitId: bureau,
          template: 'special_period',
          period: { name: '清明及五一', startDate: '2027-04-01', endDate: '2027-04-30' },
        })
      ).json();
      const reportingChain = [
        { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
      ];
      assert.equal(
        (
          await bureauHead.patch(`/api/v1/plans/${plan.planId}/draft`, {
            coversSubUnits: true,
            content: { ...plan.content, reportingChain, leaveApprovalRequired: true },
          })
        ).statusCode,
        200,
      );
      const published = await bureauHead.post(`/api/v1/plans/${plan.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);
      for (const name of ['k1.head', 'k1.safety', 'k1.teacher1', 'cs1.head', 'cs1.safety']) await as(name);
    });
    after(() => t.close());

    it('inside the special period the head asks the parent unit; only its managers decide', async () => {
      const head = await as('k1.head');
      const res = await head.post('/api/v1/leave', {
        unitId: k1,
        startDate: '2027-04-05',
        endDate: '2027-04-07',
        reason: '参加培训',
        deputyId: ids['k1.safety'],
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(
        [res.json().state, res.json().approvalRequired, res.json().deputy.id],
        ['requested', true, ids['k1.safety']],
      );
      leaveId = res.json().id;
      const supervisor = await as('cs1.head');
      const told = (await supervisor.get('/api/v1/notifications'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'leave.requested');
      assert.equal(told.length, 1);
      assert.match(told[0].title, /城关镇中心幼儿园/);
      const listed = (await supervisor.get('/api/v1/leave?state=requested')).json();
      assert.deepEqual(
        listed.map((l: { id: string; mayDecide: boolean }) => [l.id, l.mayDecide]),
        [[leaveId, true]],
      );

      assert.equal(
        (await (await as('k1.safety')).post(`/api/v1/leave/${leaveId}/approve`, {})).statusCode,
        403,
        'the deputy cannot approve',
      );
      assert.equal((await head.post(`/api/v1/leave/${leaveId}/approve`, {})).statusCode, 403, 'nor the head');
      assert.equal(
        (await (await as('bureau.head')).post(`/api/v1/leave/${leaveId}/approve`, {})).statusCode,
        403,
        'the bureau is not the parent unit',
      );
      assert.equal(
        (await (await as('s1.head')).post(`/api/v1/leave/${leaveId}/approve`, {})).statusCode,
        404,
        'a sibling school does not see it',
      );
      const approved = await supervisor.post(`/api/v1/leave/${leaveId}/approve`, { note: '同意，注意保持通讯畅通' });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().state, 'approved');
      assert.equal((await supervisor.post(`/api/v1/leave/${leaveId}/refuse`, {})).statusCode, 409);
      const deputyTold = (await (await as('k1.safety')).get('/api/v1/notifications'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'leave.approved');
      assert.equal(deputyTold.length, 1);
    });

    const outsidePeriodThatRequires =
      'outside a period that requires approval, leave is only recorded; a second overlapping leave is refused';
    it(outsidePeriodThatRequires, async () => {
      const head = await as('k1.head');
      const res = await head.post('/api/v1/leave', {
        unitId: k1,
        startDate: '2027-05-10',
        endDate: '2027-05-11',
        reason: '家事',
        deputyId: ids['k1.safety'],
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual([res.json().state, res.json().approvalRequired], ['recorded', false]);
      const overlap = await head.post(
        '/api/v1/leave',
        { unitId: k1, startDate: '2027-04-07', endDate: '2027-04-08', reason: 'x', deputyId: ids['k1.safety'] },
        { 'accept-language': 'en' },
      );
      assert.equal(overlap.statusCode, 409);
      assert.equal(
        (
          await (
            await as('k1.teacher1')
          ).post('/api/v1/leave', {
            unitId: k1,
            startDate: '2027-05-20',
            endDate: '2027-05-20',
            reason: 'x',
            deputyId: ids['k1.safety'],
          })
        ).statusCode,
        403,
        'only a head asks',
      );
      const self = await head.post('/api/v1/leave', {
        unitId: k1,
        startDate: '2027-06-01',
        endDate: '2027-06-01',
        reason: 'x',
        deputyId: ids['k1.head'],
      });
      assert.equal(self.json().errors[0].field, 'deputyId');
    });

    /** Reports an incident at a moment and returns whom its first step told. */
    const reportAt = async (at: string) => {
      clock.set(at);
      const teacher = await as('k1.teacher1');
      const res = await teacher.post('/api/v1/incidents', {
        unitId: k1,
        type: 'injury',
        severity: 4,
        place: '操场',
        description: '幼儿摔倒擦伤膝盖，已消毒包扎',
      });
      assert.equal(res.statusCode, 201, res.body);
      return res
        .json()
        .steps[0].recipients.map((r: { personId?: string; name: string; reason: string }) =>
          r.reason === 'acting' ? `${r.name} (acting)` : r.name,
        );
    };
    const nameOf = async (username: string) =>
      (await t.c.db.selectFrom('people').select('name').where('id', '=', ids[username]!).executeTakeFirstOrThrow())
        .name;

    it('the incident chain tells the acting head on the leave’s dates only, in the unit’s own time zone', async () => {
      const [head, deputy] = [await nameOf('k1.head'), await nameOf('k1.safety')];
      assert.deepEqual(await reportAt('2027-04-04T15:59:00.000Z'), [head], '23:59 on 4 April: the head is still in');
      assert.deepEqual(
        await reportAt('2027-04-04T16:00:00.000Z'),
        [`${deputy} (acting)`],
        'midnight of 5 April: the deputy acts, and the chain says so (not "holder")',
      );
      assert.deepEqual(await reportAt('2027-04-06T02:00:00.000Z'), [`${deputy} (acting)`]);
      const acting = await t.c.leave.actingHeadFor(k1, new Date('2027-04-06T02:00:00.000Z'));
      assert.deepEqual([acting?.headPersonId, acting?.deputyPersonId], [ids['k1.head'], ids['k1.safety']]);
      assert.deepEqual(await reportAt('2027-04-07T16:00:00.000Z'), [head], 'back on 8 April');
    });

    it('heads away now across the subtree, and the roster shows the deputy for the away head', async () => {
      clock.set('2027-04-06T02:00:00.000Z');
      const bureauSafety = await as('bureau.safety');
      const away = (await bureauSafety.get('/api/v1/leave/away-now')).json();
      assert.deepEqual(
        away.map((l: { unitName: string; head: { id: string }; deputy: { id: string } }) => [
          l.unitName,
          l.head.id,
          l.deputy.id,
        ]),
        [['城关镇中心幼儿园', ids['k1.head'], ids['k1.safety']]],
      );
      const safety = await as('k1.safety');
      const shift = await safety.post('/api/v1/duty/shifts', {
        unitId: k1,
        kind: '24h',
        startsAt: '2027-04-06T00:00:00.000Z',
        endsAt: '2027-04-07T00:00:00.000Z',
        dutyLeaderId: ids['k1.head'],
        staffIds: [ids['k1.teacher1']],
      });
      assert.equal(shift.statusCode, 201, shift.body);
      assert.deepEqual([shift.json().dutyLeader.id, shift.json().actingLeader.id], [ids['k1.head'], ids['k1.safety']]);
      const roster = (await safety.get(`/api/v1/duty/roster?unitId=${k1}&from=2027-04-01&to=2027-04-30`)).json();
      assert.deepEqual(
        roster.actingHeads.map(
          (h: { head: { id: string }; deputy: { id: string }; startDate: string; endDate: string }) => [
            h.head.id,
            h.deputy.id,
            h.startDate,
            h.endDate,
          ],
        ),
        [[ids['k1.head'], ids['k1.safety'], '2027-04-05', '2027-04-07']],
      );
      const onDuty = await t.c.duty.onDutyAt(k1, new Date('2027-04-06T02:00:00.000Z'));
      assert.equal(onDuty[0]!.dutyLeader!.id, ids['k1.safety'], 'who is on duty names the deputy as leader');
      clock.set('2027-04-08T02:00:00.000Z');
      assert.deepEqual((await (await as('bureau.safety')).get('/api/v1/leave/away-now')).json(), []);
    });

    it('the head may withdraw leave not yet over; others may not', async () => {
      clock.set('2027-04-08T02:00:00.000Z');
      const head = await as('k1.head');
      const [recorded] = (await head.get(`/api/v1/leave?unitId=${k1}&state=recorded`)).json();
      assert.equal((await (await as('k1.safety')).post(`/api/v1/leave/${recorded.id}/cancel`)).statusCode, 403);
      assert.equal((await head.post(`/api/v1/leave/${leaveId}/cancel`)).statusCode, 409, 'the April leave is over');
      const cancelled = await head.post(`/api/v1/leave/${recorded.id}/cancel`);
      assert.equal(cancelled.json().state, 'cancelled');
      assert.equal(await t.c.leave.actingHeadFor(k1, new Date('2027-05-10T02:00:00.000Z')), null);
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true);
    });
  });
}
