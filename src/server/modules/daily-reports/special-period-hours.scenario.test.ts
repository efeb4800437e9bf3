import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { localToUtc, nextDay } from '../../../common/time.js';
import { publishSamplePlans } from '../../demo/sample-plans.js';
import { FakeClock } from '../../lib/clock.js';
import { CLOSE_DEADLINE, dayRef, LATE_DEADLINE, REMIND_DEADLINE } from './daily-report-kinds.js';

/*
 * A central school publishes a special period for its subtree, its daily report due 24 minutes
 * after the moment of publishing, at 00:30, 07:30, 15:30 and 23:30 in Asia/Shanghai. Below it: a
 * school that already lives by a standing plan (15:00), a new kindergarten with no plan, and a
 * school in America/New_York (13 hours behind) with the same standing plan. Each unit's day is
 * decided again in the publishing transaction, in its own zone: the nearer deadline moves the
 * timers the standing plan set (item 1), the reminder goes at once (item 2), and a deadline already
 * past for a unit's today applies from tomorrow, and the publisher is told.
 */
const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const MOMENTS = [
  { day: '2027-03-10', time: '00:30', deadline: '00:54', nyDay: '2027-03-09', nyState: 'pending_kept' },
  { day: '2027-03-13', time: '07:30', deadline: '07:54', nyDay: '2027-03-12', nyState: 'overdue' },
  { day: '2027-03-16', time: '15:30', deadline: '15:54', nyDay: '2027-03-16', nyState: 'pending_15' },
  { day: '2027-03-19', time: '23:30', deadline: '23:54', nyDay: '2027-03-19', nyState: 'pending_15' },
] as const;
const before1 = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

for (const dialect of dialectsUnderTest()) {
  describe(`a special period published at any hour, in two zones (${dialect})`, () => {
    const clock = new FakeClock('2027-03-01T04:00:00Z');
    let t: TestApp;
    let head: Client;
    const id = { cs1: '', s1: '', ny: '', k9: '' };
    const person: Record<string, string> = {};

    const tickAll = async () => {
      for (let i = 0; i < 20 && (await t.c.engine.tick()) > 0; i++);
    };
    // Sessions last hours, the walk days: the central school's head signs in again at each stop.
    const walkTo = async (at: Date) => {
      clock.set(at);
      await tickAll();
      head = await t.signIn('cs1.head');
    };
    const timer = async (kind: string, unitId: string, day: string) =>
      t.c.db
        .selectFrom('deadlines')
        .select(['due_at', 'state', 'fired_at'])
        .where('kind', '=', kind)
        .where('ref_id', '=', dayRef(unitId, day))
        .executeTakeFirst();
    const status = async (unitId: string) =>
      (await head.get(`/api/v1/daily-reports/today?unitId=${unitId}`)).json().status as string;
    const told = async (username: string, kind: string) =>
      t.c.db
        .selectFrom('notifications')
        .select(['title', 'body'])
        .where('person_id', '=', person[username]!)
        .where('kind', '=', kind)
        .orderBy('created_at')
        .execute();
    const shanghaiUnits = async () =>
      (
        await t.c.db
          .selectFrom('units')
          .select('id')
          .where('path', 'like', `%/${id.cs1}/%`)
          .where('time_zone', '=', SH)
          .execute()
      ).length;
    const publishPeriod = async (startDate: string, endDate: string, deadline: string) => {
      const plan = (
        await head.post('/api/v1/plans', {
          unitId: id.cs1,
          template: 'special_period',
          period: { name: '防汛关键期', startDate, endDate },
        })
      ).json();
      const content = plan.content;
      const saved = await head.patch(`/api/v1/plans/${plan.planId}/draft`, {
        coversSubUnits: true,
        content: { ...content, dailyReport: { required: true, deadline } },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const published = await head.post(`/api/v1/plans/${plan.planId}/publish`);
      assert.equal(published.statusCode, 200, published.body);
      return published.json() as { notices: { field: string; message: string }[] };
    };

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_LOGIN_ATTEMPTS: '1000' } });
      const admin = await t.signIn('admin');
      id.cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      id.s1 = await unitIdByName(t, '城关镇第一小学');
      id.ny = await unitIdByName(t, '城关镇第二小学');
      assert.equal((await admin.patch(`/api/v1/units/${id.ny}`, { timeZone: NY })).statusCode, 200);
      const k9 = await admin.post('/api/v1/units', {
        parentId: id.cs1,
        name: '城关镇新建幼儿园',
        type: 'kindergarten',
      });
      assert.equal(k9.statusCode, 201, k9.body);
      id.k9 = k9.json().id;
      await publishSamplePlans(t.c, [
        { id: id.s1, type: 'school' },
        { id: id.ny, type: 'school' },
      ]);
      for (const name of ['s1.head', 'cs1.safety']) person[name] = (await t.signIn(name)).me.personId;
    });
    after(() => t.close());

    for (const m of MOMENTS) {
      it(`at ${m.time} in Shanghai (${m.day}): each unit's today is decided again in its own zone`, async () => {
        const now = localToUtc(m.day, m.time, SH);
        await walkTo(localToUtc(m.day, '00:00', SH)); // the planner decides the day at local midnight
        await walkTo(now);
        const shanghaiLate = localToUtc(m.day, m.deadline, SH);
        const early = m.time < '15:00';
        // Before: the standing plan's 15:00 timers wait for the Shanghai school (or have fired).
        assert.equal((await timer(LATE_DEADLINE, id.s1, m.day))?.due_at, localToUtc(m.day, '15:00', SH).toISOString());
        const remindersBefore = (await told('s1.head', 'daily-report.reminder')).length;
        const lateToldBefore = (await told('cs1.safety', 'daily-report.late')).length;

        const { notices } = await publishPeriod(before1(m.day), m.day, m.deadline);

        // The Shanghai school: before 15:00 its timers move to the nearer deadline; after, the day stays late.
        if (early) {
          assert.equal(
            (await timer(LATE_DEADLINE, id.s1, m.day))?.due_at,
            shanghaiLate.toISOString(),
            'the late mark moved',
          );
          assert.equal(
            (await timer(REMIND_DEADLINE, id.s1, m.day))?.due_at,
            now.toISOString(),
            'the reminder goes at once',
          );
          assert.equal(await status(id.s1), 'pending');
        } else {
          assert.equal((await timer(LATE_DEADLINE, id.s1, m.day))?.state, 'fired');
          assert.equal(await status(id.s1), 'late', 'a day already marked late stays so');
        }
        // The new kindergarten, with no plan of its own, is now required, by the nearer deadline.
        assert.equal((await timer(LATE_DEADLINE, id.k9, m.day))?.due_at, shanghaiLate.toISOString());
        assert.equal((await timer(REMIND_DEADLINE, id.k9, m.day))?.due_at, now.toISOString());
        assert.equal(
          (await timer(CLOSE_DEADLINE, id.k9, m.day))?.due_at,
          localToUtc(nextDay(m.day), '00:00', SH).toISOString(),
        );
        // The New York school is judged on its own day and clock.
        const nyLate = await timer(LATE_DEADLINE, id.ny, m.nyDay);
        if (m.nyState === 'overdue') assert.equal(nyLate?.state, 'fired');
        else
          assert.equal(nyLate?.due_at, localToUtc(m.nyDay, '15:00', NY).toISOString(), 'its standing deadline stays');
        const fromTomorrow = notices.filter((n) => n.field === 'content.dailyReport.deadline');
        if (m.nyState === 'pending_kept') {
          assert.equal(fromTomorrow.length, 1);
          assert.match(fromTomorrow[0]!.message, new RegExp(`${m.deadline}.*${m.nyDay}.*1 个单位.*从明日起`));
        } else assert.deepEqual(fromTomorrow, []);

        // The reminder goes at once and names the new deadline; at the deadline the silent units are late.
        await tickAll();
        if (early) {
          const reminders = await told('s1.head', 'daily-report.reminder');
          assert.equal(reminders.length, remindersBefore + 1);
          assert.match(reminders.at(-1)!.title, new RegExp(m.deadline));
        }
        assert.equal((await timer(REMIND_DEADLINE, id.k9, m.day))?.state, 'fired');
        await walkTo(new Date(shanghaiLate.getTime() - 60_000));
        assert.equal(await status(id.k9), 'pending');
        await walkTo(shanghaiLate);
        assert.equal(await status(id.k9), 'late');
        if (early) assert.equal(await status(id.s1), 'late');
        const lateTold = (await told('cs1.safety', 'daily-report.late'))
          .slice(lateToldBefore)
          .map((n) => n.title)
          .join('\n');
        assert.match(lateTold, /城关镇新建幼儿园/, 'the central school hears the kindergarten is late');
        if (early) assert.match(lateTold, /城关镇第一小学/);
        else assert.doesNotMatch(lateTold, /城关镇第一小学/, 'nor is a day already late marked twice');
      });
    }

    it('a deadline already past today applies from tomorrow, says so, and holds the next day', async () => {
      await walkTo(localToUtc('2027-03-22', '00:00', SH));
      await walkTo(localToUtc('2027-03-22', '07:30', SH));
      const { notices } = await publishPeriod('2027-03-22', '2027-03-23', '07:04');
      const message = notices.map((n) => n.message).join('\n');
      // Every Shanghai unit of the subtree (New York is still on the 21st); none had a day to lose.
      assert.match(message, new RegExp(`07:04.*2027-03-22.*${await shanghaiUnits()} 个单位.*从明日起执行`));
      // Today is untouched: the school keeps its standing 15:00, the kindergarten is not required.
      assert.equal(
        (await timer(LATE_DEADLINE, id.s1, '2027-03-22'))?.due_at,
        localToUtc('2027-03-22', '15:00', SH).toISOString(),
      );
      assert.equal(await status(id.k9), 'not_required');
      // Tomorrow the planner gives both the 07:04 deadline.
      await walkTo(localToUtc('2027-03-23', '00:00', SH));
      assert.equal(
        (await timer(LATE_DEADLINE, id.s1, '2027-03-23'))?.due_at,
        localToUtc('2027-03-23', '07:04', SH).toISOString(),
      );
      assert.equal(
        (await timer(LATE_DEADLINE, id.k9, '2027-03-23'))?.due_at,
        localToUtc('2027-03-23', '07:04', SH).toISOString(),
      );
      await walkTo(localToUtc('2027-03-23', '07:04', SH));
      assert.equal(await status(id.s1), 'late');
    });

    it('the notice reads in English for an English caller', async () => {
      await walkTo(localToUtc('2027-03-25', '00:00', SH));
      await walkTo(localToUtc('2027-03-25', '09:00', SH));
      const plan = (
        await head.post('/api/v1/plans', {
          unitId: id.cs1,
          template: 'special_period',
          period: { name: 'Exams', startDate: '2027-03-25', endDate: '2027-03-25' },
        })
      ).json();
      await head.patch(`/api/v1/plans/${plan.planId}/draft`, {
        coversSubUnits: true,
        content: { ...plan.content, dailyReport: { required: true, deadline: '08:00' } },
      });
      const published = await head.post(`/api/v1/plans/${plan.planId}/publish`, undefined, { 'accept-language': 'en' });
      assert.equal(published.statusCode, 200, published.body);
      const messages = published
        .json()
        .notices.map((n: { message: string }) => n.message)
        .join('\n');
      assert.match(
        messages,
        new RegExp(
          `deadline 08:00 has already passed \\(2027-03-25, ` +
            `${await shanghaiUnits()} unit\\(s\\)\\); the requirement applies from tomorrow`,
        ),
      );
    });
  });
}
