import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { StatementCounter } from '../../../../test/helpers/statements.js';
import { localToUtc } from '../../../common/time.js';
import { publishSamplePlans } from '../../demo/sample-plans.js';
import { FakeClock } from '../../lib/clock.js';
import { cliActor } from '../auth/actor.js';
import type { LiveEvent } from '../../notify/live-bus.js';
import { CLOSE_DEADLINE, dayRef, LATE_DEADLINE, REMIND_DEADLINE } from './daily-report-kinds.js';

/**
 * What one zero report costs in SQL statements (issue #15, the 15:00 burst), counted, not timed
 * (BEGIN and COMMIT not counted, the session look-up counted). In the burst the planner decided
 * the day at midnight (pending, three timers waiting): the report reads the unit, the day in one
 * statement (its code, whether a report is in, the sender's name) and the rules in force once,
 * then writes the report and the day's code, cancels the day's three timers in one statement and
 * writes the audit entry. Before the burst was worked on it ran 15; a day still undecided ran 27.
 */
const PLANNED_BUDGET = 8;
/** A day the planner has not reached yet is decided first, in the same transaction. */
const UNDECIDED_BUDGET = 12;
/** A day decided as not required is decided again by the rules now in force (a plan may have come since). */
const NOT_REQUIRED_BUDGET = 9;

const SH = 'Asia/Shanghai';

for (const dialect of dialectsUnderTest()) {
  describe(`a zero report's SQL statements (${dialect})`, () => {
    const counter = new StatementCounter();
    const clock = new FakeClock('2027-03-09T12:00:00Z');
    const events: LiveEvent[] = [];
    let t: TestApp;
    const id = { s1: '', s2: '', s3: '', cs1: '' };

    const tickAll = async () => {
      for (let i = 0; i < 20 && (await t.c.engine.tick()) > 0; i++);
    };
    const send = async (client: Client, unitId: string) =>
      counter.during(() => client.post('/api/v1/daily-reports/zero', { unitId }));
    const code = async (unitId: string, day: string) => {
      const row = await t.c.db
        .selectFrom('daily_report_months')
        .select('days')
        .where('unit_id', '=', unitId)
        .where('month', '=', day.slice(0, 7))
        .executeTakeFirst();
      return row?.days.charAt(Number(day.slice(8, 10)) - 1);
    };
    const timers = async (unitId: string, day: string) =>
      (
        await t.c.db
          .selectFrom('deadlines')
          .select(['kind', 'state'])
          .where('ref_id', '=', dayRef(unitId, day))
          .orderBy('kind')
          .execute()
      ).map((d) => `${d.kind} ${d.state}`);
    const audited = async (reportId: string) =>
      t.c.db
        .selectFrom('audit_log')
        .select(['action', 'unit_id', 'after_json'])
        .where('entity', '=', 'daily_report')
        .where('entity_id', '=', reportId)
        .execute();
    /** The answer to a report is the report exactly as the unit's today shows it afterwards. */
    const sameAsRead = async (client: Client, unitId: string, answered: unknown) => {
      const today = await client.get(`/api/v1/daily-reports/today?unitId=${unitId}`);
      assert.equal(today.statusCode, 200, today.body);
      assert.deepEqual(answered, today.json().report);
    };

    before(async () => {
      t = await createTestApp(dialect, { demo: true, clock, plugins: [counter] });
      id.s1 = await unitIdByName(t, '城关镇第一小学');
      id.s2 = await unitIdByName(t, '城关镇第二小学');
      id.s3 = await unitIdByName(t, '城关镇初级中学');
      id.cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      await publishSamplePlans(
        t.c,
        [id.s1, id.s2, id.s3].map((unitId) => ({ id: unitId, type: 'school' })),
        { checkpoints: false },
      );
      t.c.bus.subscribe((batch) => events.push(...batch.events.map((e) => e.event)));
    });
    after(() => t.close());

    it(`a planned day's zero report runs ${PLANNED_BUDGET} statements, cancels the timers and is audited`, async () => {
      const day = '2027-03-10';
      clock.set(localToUtc(day, '00:00', SH));
      await tickAll(); // the planner decides the day at local midnight
      clock.set(localToUtc(day, '10:00', SH));
      assert.equal(await code(id.s1, day), 'p');
      const safety = await t.signIn('s1.safety');
      events.length = 0;
      const { result, statements } = await send(safety, id.s1);
      assert.equal(result.statusCode, 201, result.body);
      const report = result.json();
      assert.equal(report.status, 'on_time');
      assert.equal(report.zero, true);
      assert.equal(report.deadline, '15:00');
      assert.equal(report.submittedBy.id, safety.me.personId);
      assert.ok(report.submittedBy.name.length > 0);
      assert.equal(
        statements.length,
        PLANNED_BUDGET,
        `${statements.length} statements, not the budget of ${PLANNED_BUDGET}:\n${statements.join('\n')}`,
      );
      await sameAsRead(safety, id.s1, report);
      assert.equal(await code(id.s1, day), 'o');
      assert.deepEqual(await timers(id.s1, day), [
        `${CLOSE_DEADLINE} cancelled`,
        `${LATE_DEADLINE} cancelled`,
        `${REMIND_DEADLINE} cancelled`,
      ]);
      assert.deepEqual(await audited(report.id), [
        {
          action: 'daily-report.send',
          unit_id: id.s1,
          after_json: JSON.stringify({ day, status: 'on_time', zero: true, items: 0 }),
        },
      ]);
      // Live events go out together once per tick, after the commit.
      const told = () => events.flatMap((e) => (e.kind === 'daily-report' ? [e] : []));
      for (let i = 0; i < 50 && told().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(
        told().map((e) => [e.unitId, e.day, e.unitPath.endsWith(`/${id.s1}/`)]),
        [[id.s1, day, true]],
      );
      const again = await send(safety, id.s1);
      assert.equal(again.result.statusCode, 409, again.result.body);
    });

    it('after the deadline the planned day is reported late, the other timers cancelled all the same', async () => {
      const day = '2027-03-10';
      clock.set(localToUtc(day, '15:30', SH));
      // The late mark has not fired yet (the engine lags): the report still counts as late.
      const safety = await t.signIn('s2.safety');
      const { result } = await send(safety, id.s2);
      assert.equal(result.statusCode, 201, result.body);
      assert.equal(result.json().status, 'late');
      await sameAsRead(safety, id.s2, result.json());
      assert.equal(await code(id.s2, day), 'l');
      assert.deepEqual(await timers(id.s2, day), [
        `${CLOSE_DEADLINE} cancelled`,
        `${LATE_DEADLINE} cancelled`,
        `${REMIND_DEADLINE} cancelled`,
      ]);
    });

    it(`a day the planner has not reached is decided first: ${UNDECIDED_BUDGET} statements`, async () => {
      const day = '2027-03-11';
      clock.set(localToUtc(day, '09:00', SH)); // no tick: the planner has not run today
      assert.equal(await code(id.s3, day), '.');
      const safety = await t.signIn('s3.safety');
      const { result, statements } = await send(safety, id.s3);
      assert.equal(result.statusCode, 201, result.body);
      assert.equal(result.json().status, 'on_time');
      assert.equal(
        statements.length,
        UNDECIDED_BUDGET,
        `${statements.length} statements, not the budget of ${UNDECIDED_BUDGET}:\n${statements.join('\n')}`,
      );
      await sameAsRead(safety, id.s3, result.json());
      assert.equal(await code(id.s3, day), 'o');
      // The timers the decision scheduled are cancelled by the report in the same transaction.
      assert.deepEqual(await timers(id.s3, day), [
        `${CLOSE_DEADLINE} cancelled`,
        `${LATE_DEADLINE} cancelled`,
        `${REMIND_DEADLINE} cancelled`,
      ]);
    });

    it('a unit no plan requires a report of sends one all the same: not required', async () => {
      const day = '2027-03-11';
      const safety = await t.signIn('cs1.safety');
      const { result } = await send(safety, id.cs1);
      assert.equal(result.statusCode, 201, result.body);
      assert.equal(result.json().status, 'not_required');
      assert.equal(result.json().deadline, null);
      await sameAsRead(safety, id.cs1, result.json());
      assert.equal(await code(id.cs1, day), 'x');
      assert.deepEqual(await timers(id.cs1, day), []);
    });

    it("today's status of a subtree: counts and units, in one date or across two zones' dates", async () => {
      const day = '2027-03-11';
      await tickAll(); // the planner decides today (09:00 in Shanghai): the two schools not in yet wait
      const head = await t.signIn('cs1.head');
      const read = async () => {
        const res = await head.get(`/api/v1/daily-reports/status?unitId=${id.cs1}`);
        assert.equal(res.statusCode, 200, res.body);
        const status = res.json();
        const units = status.units.map((u: { unitId: string; day: string; status: string }) => [
          u.unitId,
          u.day,
          u.status,
        ]);
        return { total: status.total, counts: status.counts, units: units.sort() };
      };
      // One date: the central school, three schools and two kindergartens (no plan: not required).
      assert.deepEqual(await read(), {
        total: 6,
        counts: { on_time: 1, late: 0, missing: 0, not_required: 3, pending: 2 },
        units: [
          [id.s1, day, 'pending'],
          [id.s2, day, 'pending'],
        ].sort(),
      });
      // The second school in New York, where it is still the evening of the 10th: it was late that day.
      const admin = await t.signIn('admin');
      assert.equal((await admin.patch(`/api/v1/units/${id.s2}`, { timeZone: 'America/New_York' })).statusCode, 200);
      assert.deepEqual(await read(), {
        total: 6,
        counts: { on_time: 1, late: 1, missing: 0, not_required: 3, pending: 1 },
        units: [
          [id.s1, day, 'pending'],
          [id.s2, '2027-03-10', 'late'],
        ].sort(),
      });
      assert.equal((await admin.patch(`/api/v1/units/${id.s2}`, { timeZone: SH })).statusCode, 200);
    });

    it('readers of the same scope arriving together share one reading; the next reads afresh', async () => {
      const board = t.c.dailyReports.board;
      const actor = cliActor;
      // Warmed up: PostgreSQL's pool holds connections enough for the readers' unit checks to go together.
      await Promise.all([1, 2, 3].map(() => board.today(actor, id.cs1)));
      const once = await counter.during(() => board.today(actor, id.cs1));
      const together = await counter.during(() =>
        Promise.all([board.today(actor, id.cs1), board.today(actor, id.cs1)]),
      );
      // Each reader checks the unit itself; the counts and the list are read once for both.
      assert.equal(together.statements.length, once.statements.length + 1, together.statements.join('\n'));
      assert.deepEqual(together.result[0], together.result[1]);
      assert.equal(together.result[0].counts.pending, 2);
      const sent = await (await t.signIn('s1.safety')).post('/api/v1/daily-reports/zero', { unitId: id.s1 });
      assert.equal(sent.statusCode, 201, sent.body);
      const after = await counter.during(() => board.today(actor, id.cs1));
      assert.equal(after.statements.length, once.statements.length);
      assert.deepEqual([after.result.counts.pending, after.result.counts.on_time], [1, 2]);
    });

    it(`a day decided as not required is decided again, in ${NOT_REQUIRED_BUDGET} statements`, async () => {
      const day = '2027-03-11';
      const k1 = await unitIdByName(t, '城关镇中心幼儿园');
      assert.equal(await code(k1, day), '-'); // the planner's, this morning: the kindergarten has no plan
      const safety = await t.signIn('k1.safety');
      const { result, statements } = await send(safety, k1);
      assert.equal(result.statusCode, 201, result.body);
      assert.equal(result.json().status, 'not_required');
      assert.equal(
        statements.length,
        NOT_REQUIRED_BUDGET,
        `${statements.length} statements, not the budget of ${NOT_REQUIRED_BUDGET}:\n${statements.join('\n')}`,
      );
      await sameAsRead(safety, k1, result.json());
      assert.equal(await code(k1, day), 'x');
    });
  });
}
