import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { transactionWithHooks } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { FakeClock } from '../lib/clock.js';
import { dialectsUnderTest, openTestDatabase, type TestDatabase } from '../../../test/helpers/dialects.js';
import { DeadlineEngine } from './engine.js';

const T0 = '2027-03-01T00:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000);

for (const dialect of dialectsUnderTest()) {
  describe(`the deadline engine (${dialect})`, () => {
    let database: TestDatabase;
    let clock: FakeClock;
    let fired: string[];
    let engine: DeadlineEngine;

    before(async () => {
      database = await openTestDatabase(dialect);
      await migrateToLatest(database.opened.db);
    });
    after(() => database.drop());
    beforeEach(async () => {
      await sql`delete from deadlines`.execute(database.opened.db);
      clock = new FakeClock(T0);
      fired = [];
      engine = new DeadlineEngine(database.opened.db, dialect, clock, { batchSize: 10 });
      engine.on('test.ping', async ({ deadline }) => {
        fired.push(deadline.ref_id);
      });
    });

    const schedule = (refId: string, minutes: number, kind = 'test.ping') =>
      database.opened.db
        .transaction()
        .execute((tx) => engine.schedule(tx, { kind, refId, unitId: null, dueAt: at(minutes) }));

    it('fires each deadline when due, in order, and never twice', async () => {
      await schedule('b', 10);
      await schedule('a', 5);
      await schedule('c', 30);
      assert.equal(await engine.tick(), 0);
      clock.set(at(10));
      assert.equal(await engine.tick(), 2);
      assert.deepEqual(fired, ['a', 'b']);
      assert.equal(await engine.tick(), 0);
      clock.set(at(60));
      await engine.tick();
      assert.deepEqual(fired, ['a', 'b', 'c']);
      const rows = await database.opened.db
        .selectFrom('deadlines')
        .select(['ref_id', 'state', 'fired_at'])
        .orderBy('ref_id')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.ref_id, r.state]),
        [
          ['a', 'fired'],
          ['b', 'fired'],
          ['c', 'fired'],
        ],
      );
      assert.equal(rows[0]!.fired_at, at(10).toISOString());
    });

    it('keeps the first of two schedules for the same record, and a cancelled one never fires', async () => {
      await schedule('x', 5);
      await schedule('x', 1);
      await schedule('y', 5);
      await database.opened.db.transaction().execute((tx) => engine.cancel(tx, 'test.ping', 'y'));
      clock.set(at(3));
      assert.equal(await engine.tick(), 0);
      clock.set(at(5));
      await engine.tick();
      assert.deepEqual(fired, ['x']);
    });

    it('a failing handler is retried with backoff while the rest of its batch fires', async () => {
      // Fails on its first two attempts, then succeeds; its writes must vanish with each failure.
      engine.on('test.flaky', async ({ tx, deadline }) => {
        await tx
          .insertInto('deadlines')
          .values({
            id: `side-effect-${deadline.attempts}`,
            kind: 'test.side',
            ref_id: `s${deadline.attempts}`,
            unit_id: null,
            due_at: T0,
            state: 'fired',
            attempts: 0,
            last_error: null,
            fired_by: null,
            created_at: T0,
            fired_at: null,
          })
          .execute();
        if (deadline.attempts < 2) throw new Error(`boom ${deadline.ref_id}`);
      });
      await schedule('f', 1, 'test.flaky');
      await schedule('ok', 1);
      clock.set(at(1));
      await engine.tick();
      assert.deepEqual(fired, ['ok']);
      const sideEffects = await database.opened.db
        .selectFrom('deadlines')
        .select('id')
        .where('kind', '=', 'test.side')
        .execute();
      assert.equal(sideEffects.length, 0, 'the failed handler’s writes were rolled back');
      const row = await database.opened.db
        .selectFrom('deadlines')
        .selectAll()
        .where('ref_id', '=', 'f')
        .executeTakeFirstOrThrow();
      assert.equal(row.attempts, 1);
      assert.equal(row.due_at, new Date(at(1).getTime() + 2000).toISOString());
      assert.match(row.last_error!, /boom f/);
      clock.set(new Date(at(1).getTime() + 2000));
      await engine.tick();
      clock.set(new Date(at(1).getTime() + 60_000));
      await engine.tick();
      const done = await database.opened.db
        .selectFrom('deadlines')
        .select(['state', 'attempts'])
        .where('ref_id', '=', 'f')
        .executeTakeFirstOrThrow();
      assert.deepEqual(done, { state: 'fired', attempts: 2 });
      const kept = await database.opened.db
        .selectFrom('deadlines')
        .select('ref_id')
        .where('kind', '=', 'test.side')
        .execute();
      assert.deepEqual(
        kept.map((k) => k.ref_id),
        ['s2'],
        'only the successful attempt’s write stayed',
      );
    });

    it('two engines on one database share the work and fire each row exactly once', async () => {
      const counts = new Map<string, number>();
      const engines = ['one', 'two'].map((id) => {
        const e = new DeadlineEngine(database.opened.db, dialect, clock, { batchSize: 25, instanceId: id });
        e.on('test.ping', async ({ deadline }) => {
          counts.set(deadline.ref_id, (counts.get(deadline.ref_id) ?? 0) + 1);
        });
        return e;
      });
      await database.opened.db.transaction().execute(async (tx) => {
        for (let i = 0; i < 400; i++)
          await engines[0]!.schedule(tx, { kind: 'test.ping', refId: `r${i}`, unitId: null, dueAt: at(i % 7) });
      });
      clock.set(at(10));
      const [a, b] = await Promise.all(engines.map((e) => e.tick()));
      assert.equal(a! + b!, 400);
      assert.equal(counts.size, 400);
      assert.ok([...counts.values()].every((n) => n === 1));
      const byInstance = await database.opened.db
        .selectFrom('deadlines')
        .select(['fired_by'])
        .where('state', '=', 'fired')
        .execute();
      assert.equal(byInstance.length, 400);
      const firedBy = (id: string) => byInstance.filter((r) => r.fired_by === id).length;
      assert.deepEqual([firedBy('one'), firedBy('two')], [a, b], 'each row names the instance that fired it');
      // On PostgreSQL the two claim in parallel (SKIP LOCKED): the work is shared, not only never doubled.
      // (SQLite has one writer: there one instance may well take it all.)
      if (dialect === 'postgres') assert.ok(a! > 0 && b! > 0, `both instances fired some deadlines (${a} and ${b})`);
    });

    it('a kind has one handler: registering a second is refused, the first stays', async () => {
      assert.throws(
        () => engine.on('test.ping', async () => undefined),
        /deadline kind "test.ping" already has a handler/,
      );
      await schedule('once', 1);
      clock.set(at(2));
      assert.equal(await engine.tick(), 1);
      assert.deepEqual(fired, ['once'], 'the first handler fired');
    });

    it('a recurring timer re-arms itself from its handler and fires again at its next turn', async () => {
      const turns: string[] = [];
      engine.on('test.every-ten', async ({ tx, deadline, now }) => {
        turns.push(now.toISOString());
        await engine.rearm(
          tx,
          { kind: 'test.every-ten', refId: 'ticker', unitId: null, dueAt: new Date(now.getTime() + 10 * 60_000) },
          deadline,
        );
      });
      await database.opened.db
        .transaction()
        .execute((tx) => engine.rearm(tx, { kind: 'test.every-ten', refId: 'ticker', unitId: null, dueAt: at(10) }));
      for (const minute of [10, 20, 30]) {
        clock.set(at(minute));
        assert.equal(await engine.tick(), 1, `fires at minute ${minute}`);
      }
      assert.deepEqual(
        turns,
        [at(10), at(20), at(30)].map((d) => d.toISOString()),
      );
      const rows = await database.opened.db
        .selectFrom('deadlines')
        .select(['state', 'due_at'])
        .where('kind', '=', 'test.every-ten')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.state, r.due_at]),
        [['pending', at(40).toISOString()]],
        'one row: the next turn',
      );
      // Arming it again while it waits changes nothing.
      await database.opened.db
        .transaction()
        .execute((tx) => engine.rearm(tx, { kind: 'test.every-ten', refId: 'ticker', unitId: null, dueAt: at(31) }));
      assert.equal(
        (await engine.dueAt(database.opened.db, 'test.every-ten', 'ticker'))?.toISOString(),
        at(40).toISOString(),
      );
    });

    it('a pending deadline can be brought forward, never pushed back', async () => {
      await schedule('soon', 30);
      await database.opened.db.transaction().execute((tx) => engine.advance(tx, 'test.ping', 'soon', at(5)));
      await database.opened.db.transaction().execute((tx) => engine.advance(tx, 'test.ping', 'soon', at(20)));
      clock.set(at(5));
      assert.equal(await engine.tick(), 1);
      assert.deepEqual(fired, ['soon']);
    });

    it('a deadline scheduled before a restart fires after it', async () => {
      await schedule('survivor', 2);
      const restarted = new DeadlineEngine(database.opened.db, dialect, clock);
      const seen: string[] = [];
      restarted.on('test.ping', async ({ deadline }) => {
        seen.push(deadline.ref_id);
      });
      clock.set(at(5));
      await restarted.tick();
      assert.deepEqual(seen, ['survivor']);
    });

    const deadlineDueOnceScheduled =
      'a deadline due at once, scheduled in a slow transaction, fires when it commits, not at the next poll';
    it(deadlineDueOnceScheduled, async () => {
      // A poll an hour away: only the wake at commit can make this fire within the test's wait.
      const running = new DeadlineEngine(database.opened.db, dialect, clock, { pollMs: 3_600_000 });
      const seen: string[] = [];
      running.on('test.ping', async ({ deadline }) => {
        seen.push(deadline.ref_id);
      });
      running.start();
      try {
        await new Promise((r) => setTimeout(r, 50));
        await transactionWithHooks(database.opened.db, async (tx) => {
          await running.schedule(tx, { kind: 'test.ping', refId: 'now', unitId: null, dueAt: clock.now() });
          // Still inside the transaction: an early wake would look now and find nothing.
          await new Promise((r) => setTimeout(r, 100));
        });
        for (let i = 0; i < 100 && seen.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
        assert.deepEqual(seen, ['now']);
      } finally {
        await running.stop();
      }
    });
  });
}
