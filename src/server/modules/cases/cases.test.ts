import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

const T0 = new Date('2027-03-01T02:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`dispute cases (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let staff: Client;
    let c1: string;
    let caseId: string;
    let token: string;

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      staff = await t.signIn('c1.staff');
      c1 = await unitIdByName(t, '东门社区');
    });
    after(() => t.close());

    const publicStatus = (tok: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/cases/${tok}` });

    it('opens a case with a number and a private link', async () => {
      const res = await staff.post('/api/v1/cases', {
        unitId: c1,
        category: 'wages',
        issue: '装修工人反映被拖欠三个月工资',
        ownerId: staff.me.personId,
        parties: [
          { name: '刘师傅', contact: '13900001111', raisedIt: true },
          { name: '某装修公司', contact: '' },
        ],
      });
      assert.equal(res.statusCode, 201, res.body);
      caseId = res.json().id;
      token = res.json().publicToken;
      assert.match(res.json().number, /^2027-\d{4}$/);
      assert.equal(res.json().status, 'open');
      const second = (
        await staff.post('/api/v1/cases', {
          unitId: c1,
          category: 'neighbour',
          issue: '楼上漏水',
          ownerId: staff.me.personId,
          parties: [{ name: '张女士' }],
        })
      ).json();
      assert.equal(Number(second.number.slice(5)), Number(res.json().number.slice(5)) + 1);
    });

    it('the public link shows status and dates only; a wrong token is not found', async () => {
      const res = await publicStatus(token);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(Object.keys(res.json()).sort(), [
        'followUpDate',
        'lastActivityAt',
        'number',
        'openedAt',
        'resolvedAt',
        'status',
      ]);
      assert.ok(!res.body.includes('刘师傅') && !res.body.includes('工资'));
      assert.equal((await publicStatus('not-a-real-token-at-all')).statusCode, 404);
      for (const wrong of ['x'.repeat(5000), 'y'.repeat(101), 'abc']) {
        const res = await publicStatus(wrong);
        assert.equal(res.statusCode, 404, `a ${wrong.length}-character token is simply not found`);
        assert.match(res.headers['content-type'] as string, /problem\+json/);
      }
    });

    it('sessions, an agreement with a follow-up date, a reminder to the owner, then closing', async () => {
      // Days pass between the steps; a session lasts hours, so sign in again after each jump.
      clock.advance(86_400_000);
      staff = await t.signIn('c1.staff');
      assert.equal(
        (await staff.post(`/api/v1/cases/${caseId}/sessions`, { notes: '双方到场，核对工时' })).statusCode,
        204,
      );
      assert.equal((await publicStatus(token)).json().status, 'mediating');
      assert.equal((await staff.post(`/api/v1/cases/${caseId}/close`)).statusCode, 409, 'no outcome yet');
      clock.advance(2 * 86_400_000);
      staff = await t.signIn('c1.staff');
      const outcome = await staff.post(`/api/v1/cases/${caseId}/outcome`, {
        outcome: 'agreement',
        agreementText: '公司于3月15日前付清',
        followUpDate: '2027-03-16',
      });
      assert.equal(outcome.statusCode, 204, outcome.body);
      const view = (await staff.get(`/api/v1/cases/${caseId}`)).json();
      assert.equal(view.status, 'resolved');
      assert.equal(view.sessions.length, 1);
      clock.set('2027-03-16T00:59:00.000Z');
      await t.c.engine.tick();
      clock.set('2027-03-16T01:00:00.000Z');
      await t.c.engine.tick();
      staff = await t.signIn('c1.staff');
      const reminders = (await staff.get('/api/v1/notifications'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'case.follow-up');
      assert.equal(reminders.length, 1);
      assert.match(reminders[0].title, new RegExp(view.number));
      assert.equal((await staff.post(`/api/v1/cases/${caseId}/close`)).statusCode, 204);
      assert.equal((await staff.post(`/api/v1/cases/${caseId}/sessions`, { notes: '再谈' })).statusCode, 409);
    });

    it('statistics by category and outcome, and time to resolve', async () => {
      staff = await t.signIn('c1.staff');
      const stats = (await staff.get(`/api/v1/cases/stats?unitId=${c1}`)).json();
      assert.deepEqual(
        stats.byCategory.find((c: { category: string }) => c.category === 'wages'),
        { category: 'wages', open: 0, agreement: 1, noAgreement: 0 },
      );
      assert.equal(stats.byCategory.find((c: { category: string }) => c.category === 'neighbour').open, 1);
      assert.equal(stats.resolved, 1);
      assert.equal(stats.medianDaysToResolve, 3);
      const wages = (await staff.get(`/api/v1/cases?unitId=${c1}&category=wages`)).json();
      assert.deepEqual(
        wages.items.map((c: { category: string }) => c.category),
        ['wages'],
      );
      assert.equal(wages.total, 1);
      const unknown = await staff.get(`/api/v1/cases?category=gossip`);
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].field, 'category');
    });

    it('an expired link is not found; a reissued one works', async () => {
      clock.set(new Date(T0.getTime() + 366 * 86_400_000));
      assert.equal((await publicStatus(token)).statusCode, 404);
      const again = await (await t.signIn('c1.staff')).post(`/api/v1/cases/${caseId}/public-link`);
      assert.equal(again.statusCode, 409, 'a closed case keeps its record as it is');
    });

    it('bad input is refused by field; other units cannot see the case', async () => {
      clock.set(T0);
      const client = await t.signIn('c1.staff');
      const outsider = await t.signIn('c2.staff');
      const res = await client.post(
        '/api/v1/cases',
        { unitId: c1, category: 'gossip', issue: '', ownerId: outsider.me.personId, parties: [] },
        { 'accept-language': 'en' },
      );
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['category', 'issue', 'parties'],
      );
      const wrongOwner = await client.post('/api/v1/cases', {
        unitId: c1,
        category: 'other',
        issue: '噪音',
        ownerId: outsider.me.personId,
        parties: [{ name: '某人' }],
      });
      assert.equal(wrongOwner.statusCode, 422);
      assert.equal(wrongOwner.json().errors[0].field, 'ownerId');
      assert.equal((await outsider.get(`/api/v1/cases/${caseId}`)).statusCode, 404);
    });
  });
}
