import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { FakeClock } from '../lib/clock.js';
import { HISTORY_DAYS, type HistoryCounts } from './history.js';
import { loadDemo, type DemoResult } from './load-demo.js';

/*
 * The demo with its past, loaded as `npm run demo` loads it: the clock walks two months through
 * the services and the deadline engine, and every record it leaves must be one the rules allow.
 */
const END = '2026-12-06T05:30:00.000Z'; // 13:30 in the sample county (Asia/Shanghai)
const ZONE = 'Asia/Shanghai';
const counted: HistoryCounts[] = [];

for (const dialect of dialectsUnderTest()) {
  describe(`the demo county with history (${dialect})`, () => {
    let t: TestApp;
    let result: DemoResult;
    const clock = new FakeClock(END);

    before(async () => {
      t = await createTestApp(dialect, { clock });
      result = await loadDemo(t.c, DEMO_PASSWORD, { history: clock });
    });
    after(() => t.close());

    it('ends at the present moment, with plans published at the start of the past', async () => {
      assert.equal(clock.now().toISOString(), END);
      assert.equal(result.loaded, true);
      assert.equal(result.plans, 12, 'history implies the sample plans its rules come from');
      const published = await t.c.db.selectFrom('plans').select('created_at').execute();
      const startDay = DateTime.fromISO(END, { zone: ZONE }).minus({ days: HISTORY_DAYS }).toISODate();
      assert.ok(published.every((p) => DateTime.fromISO(p.created_at, { zone: ZONE }).toISODate() === startDay));
    });

    it('holds daily reports over about sixty local days, up to today and none after', async () => {
      const days = (await t.c.db.selectFrom('daily_reports').select('day').distinct().orderBy('day').execute()).map(
        (r) => r.day,
      );
      const today = DateTime.fromISO(END, { zone: ZONE }).toISODate()!;
      assert.ok(days.length >= HISTORY_DAYS - 2, `${days.length} days with reports`);
      assert.ok(days.at(-1)! <= today);
      assert.ok(DateTime.fromISO(days.at(-1)!).diff(DateTime.fromISO(days[0]!), 'days').days >= HISTORY_DAYS - 2);
    });

    it('shows a 30-day matrix with reports on time, late and missing, and a trend with data', async () => {
      const bureau = await t.signIn('bureau.safety');
      const matrix = (await bureau.get('/api/v1/daily-reports/matrix?days=30&pageSize=100')).json();
      assert.equal(matrix.days.length, 30);
      const past = matrix.totals.slice(0, -1) as Record<string, number>[];
      const sum = (status: string) => past.reduce((n, day) => n + day[status]!, 0);
      assert.ok(sum('on_time') > sum('late') + sum('missing'), 'most days are on time');
      assert.ok(sum('late') > 0, 'some are late');
      assert.ok(sum('missing') > 0, 'a few are missing');
      assert.ok(
        past.every((day) => day.pending === 0),
        'every past day is decided',
      );
      const cells = (matrix.units as { cells: (string | null)[] }[]).flatMap((u) => u.cells);
      assert.ok(cells.includes('late') && cells.includes('missing'));
      const trend = (await bureau.get('/api/v1/daily-reports/trend?weeks=8')).json();
      assert.ok(
        trend.weeks.filter((w: Record<string, number>) => w.on_time! > 0).length >= 7,
        'the weekly trend has data',
      );
    });

    const hasIncidentsHandledTime =
      'has incidents handled in time: chain acknowledged, staged reports sent, closed with the after-action report';
    it(hasIncidentsHandledTime, async () => {
      const admin = await t.signIn('admin');
      const list = (await admin.get('/api/v1/incidents?pageSize=100')).json();
      assert.ok(list.items.length >= 5, `${list.items.length} incidents`);
      for (const item of list.items) {
        const one = (await admin.get(`/api/v1/incidents/${item.id}`)).json();
        assert.equal(one.status, 'closed');
        assert.ok(
          one.steps.every((step: { state: string; late: boolean }) => step.state === 'done' && !step.late),
          'every step done in time',
        );
        assert.deepEqual(one.flags, [], 'nothing late, missing or concealed');
        assert.ok(one.afterAction, 'filed with its report');
        assert.equal(one.afterAction.followUps.length, 1);
        assert.ok(one.afterAction.followUps[0].taskId, 'the follow-up is a task');
      }
      const duties = await t.c.db.selectFrom('incident_report_duties').select(['kind', 'state']).execute();
      for (const kind of ['verbal', 'first', 'final']) {
        assert.equal(
          duties.filter((d) => d.kind === kind && d.state === 'met').length,
          list.items.length,
          `every ${kind} report sent in time`,
        );
      }
      const inbox = (await (await t.signIn('cs1.head')).get('/api/v1/incident-reports/inbox?pageSize=100')).json();
      assert.ok(inbox.items.length > 0, 'the unit above has the written reports');
    });

    it('has drills held and the next ones scheduled', async () => {
      const drills = await t.c.db.selectFrom('drills').select(['status', 'planned_date', 'ended_at']).execute();
      const today = DateTime.fromISO(END, { zone: ZONE }).toISODate()!;
      assert.ok(drills.filter((d) => d.status === 'done').length >= 9 * 2 - 2, 'two a campus, give or take today');
      assert.ok(
        drills.filter((d) => d.status === 'planned').every((d) => d.planned_date! >= today),
        'nothing planned is left behind',
      );
      assert.ok(drills.some((d) => d.status === 'planned'));
    });

    it('has inspections with rectification tasks closed after verification and others still open', async () => {
      const tasks = await t.c.db
        .selectFrom('rectification_tasks')
        .select(['state', 'closed_at', 'verified_by_person_id', 'owner_person_id'])
        .execute();
      const closed = tasks.filter((x) => x.state === 'closed');
      assert.ok(
        closed.length > 0 &&
          closed.every((x) => x.verified_by_person_id && x.verified_by_person_id !== x.owner_person_id),
        'verified by someone else',
      );
      assert.ok(
        tasks.some((x) => x.state === 'open'),
        'some are still open',
      );
      assert.ok((await t.c.db.selectFrom('inspections').select('id').execute()).length >= 9 * 3);
    });

    it('has visitors signed in and out, and mediation cases closed and in progress', async () => {
      const visitors = await t.c.db.selectFrom('visitors').select(['checked_in_at', 'checked_out_at']).execute();
      assert.ok(visitors.length > 100);
      assert.ok(
        visitors.every((v) => v.checked_out_at && v.checked_out_at > v.checked_in_at),
        'everyone left, after arriving',
      );
      const cases = (await t.c.db.selectFrom('cases').select('status').execute()).map((c) => c.status).sort();
      assert.ok(cases.includes('closed') && cases.includes('mediating'), cases.join());
    });

    it('dates nothing in the future', async () => {
      const latest = await Promise.all([
        t.c.db
          .selectFrom('daily_reports')
          .select((e) => e.fn.max('submitted_at').as('at'))
          .executeTakeFirst(),
        t.c.db
          .selectFrom('incidents')
          .select((e) => e.fn.max('closed_at').as('at'))
          .executeTakeFirst(),
        t.c.db
          .selectFrom('drills')
          .select((e) => e.fn.max('ended_at').as('at'))
          .executeTakeFirst(),
        t.c.db
          .selectFrom('visitors')
          .select((e) => e.fn.max('checked_out_at').as('at'))
          .executeTakeFirst(),
        t.c.db
          .selectFrom('notifications')
          .select((e) => e.fn.max('created_at').as('at'))
          .executeTakeFirst(),
        t.c.db
          .selectFrom('audit_log')
          .select((e) => e.fn.max('at').as('at'))
          .executeTakeFirst(),
      ]);
      for (const row of latest) assert.ok(row?.at && String(row.at) <= END, `${String(row?.at)} is not after ${END}`);
    });

    it('is the same past on every run and every database', () => {
      counted.push(result.history!);
      assert.deepEqual(counted.at(-1), counted[0]);
    });
  });
}
