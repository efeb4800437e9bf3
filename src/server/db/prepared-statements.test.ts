import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { dialectsUnderTest, openTestDatabase, TEST_PG_URL, type TestDatabase } from '../../../test/helpers/dialects.js';
import { newId } from '../lib/ids.js';
import { migrateToLatest } from './migrate.js';
import { withPreparedStatements } from './prepared-statements.js';

interface Prepared {
  name: string;
  statement: string;
}

// PostgreSQL only: SQLite statements are kept prepared by the statement cache in database.ts.
if (dialectsUnderTest().includes('postgres')) {
  describe('PostgreSQL statements are named and kept prepared per connection', () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase('postgres');
      await migrateToLatest(database.opened.db);
    });
    after(() => database.drop());

    it('prepares a data query once per connection and answers the same each run', async () => {
      const { db } = database.opened;
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const query = tx.selectFrom('units').select('id').where('id', '=', id);
        assert.deepEqual(await query.execute(), []);
        assert.deepEqual(await query.execute(), []);
        const { rows } = await sql<Prepared>`select name, statement from pg_prepared_statements`.execute(tx);
        const mine = rows.filter((r) => r.statement === query.compile().sql);
        assert.equal(mine.length, 1, JSON.stringify(rows));
        assert.match(mine[0]!.name, /^steady_\d+$/);
        // A subtree read stays unnamed: a generic plan cannot see its pattern's prefix.
        const subtreeRead = tx.selectFrom('units').select('id').where('path', 'like', '/none/%');
        await subtreeRead.execute();
        await subtreeRead.execute();
        const after = await sql<Prepared>`select name, statement from pg_prepared_statements`.execute(tx);
        assert.ok(!after.rows.some((r) => r.statement === subtreeRead.compile().sql));
        // Transaction control is not a data statement: BEGIN stays unnamed.
        assert.ok(!rows.some((r) => /^\s*begin/i.test(r.statement)));
      });
    });

    it('a named statement whose run failed runs again with good values', async () => {
      const { db } = database.opened;
      const asNumber = (text: string) => sql<{ n: number }>`select ${text}::int as n`.execute(db);
      await assert.rejects(asNumber('not a number'), /invalid input syntax/);
      await assert.rejects(asNumber('still not'), /invalid input syntax/);
      assert.deepEqual((await asNumber('7')).rows, [{ n: 7 }]);
    });
  });

  describe('a statement taking all columns', () => {
    it('stays unnamed, so it still runs after a migration adds a column (a rolling upgrade)', async () => {
      const pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 1 });
      const db = new Kysely<{ kept: { a: number; b?: number } }>({
        dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
      });
      try {
        await sql`create temp table kept (a int)`.execute(db);
        await sql`insert into kept (a) values (${1})`.execute(db);
        const all = db.selectFrom('kept').selectAll();
        const named = db.selectFrom('kept').select('a');
        assert.deepEqual(await all.execute(), [{ a: 1 }]);
        assert.deepEqual(await named.execute(), [{ a: 1 }]);
        await sql`alter table kept add column b int`.execute(db);
        assert.deepEqual(await all.execute(), [{ a: 1, b: null }]);
        assert.deepEqual(await named.execute(), [{ a: 1 }]);
        const { rows } = await sql<Prepared>`select name, statement from pg_prepared_statements`.execute(db);
        assert.ok(rows.some((r) => r.statement === named.compile().sql));
        assert.ok(!rows.some((r) => r.statement === all.compile().sql));
      } finally {
        await db.destroy();
      }
    });
  });

  describe('the number of named statements is bounded', () => {
    it('names only the first `limit` texts; later ones run unnamed', async () => {
      const pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 1 });
      const db = new Kysely<Record<string, never>>({
        dialect: new PostgresDialect({ pool: withPreparedStatements(pool, 2) }),
      });
      try {
        for (const n of [1, 2, 3, 1, 2, 3]) {
          const { rows } = await sql<{ n: number }>`select ${n}::int + ${n * 0} as n`.execute(db);
          assert.deepEqual(rows, [{ n }]);
        }
        await sql`select ${'a'}::text as one`.execute(db);
        await sql`select ${'b'}::text as two`.execute(db);
        await sql`select ${'c'}::text as three`.execute(db);
        const { rows } = await sql<Prepared>`select name, statement from pg_prepared_statements order by name`.execute(
          db,
        );
        assert.deepEqual(
          rows.map((r) => r.name),
          ['steady_0', 'steady_1'],
        );
        assert.ok(rows.every((r) => !/three|two/.test(r.statement)));
      } finally {
        await db.destroy();
      }
    });
  });
}
