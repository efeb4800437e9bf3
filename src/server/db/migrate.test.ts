import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openTestDatabase, TEST_PG_URL, type TestDatabase } from '../../../test/helpers/dialects.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { migrateToLatest } from './migrate.js';

for (const dialect of dialectsUnderTest()) {
  describe(`migrations (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(() => database.drop());

    it('apply once, then find nothing left to do', async () => {
      const first = await migrateToLatest(database.opened.db);
      assert.ok((first.results ?? []).length > 5);
      const again = await migrateToLatest(database.opened.db);
      assert.deepEqual(again.results, []);
      const tables = await database.opened.db.introspection.getTables({ withInternalKyselyTables: true });
      assert.ok(tables.some((t) => t.name === 'steady_migrations'));
      assert.ok(tables.some((t) => t.name === 'units' && t.columns.some((c) => c.name === 'path')));
    });
  });
}

if (dialectsUnderTest().includes('postgres')) {
  describe('migrations beside other schemas in the same PostgreSQL database', () => {
    let ours: TestDatabase;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    const other = `t_other_${process.pid}`;
    before(async () => {
      ours = await openTestDatabase('postgres');
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${other}; CREATE TABLE ${other}.units (id text)`);
    });
    after(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${other} CASCADE`);
      await admin.end();
      await ours.drop();
    });

    // A schema dropped by someone else mid-migration once failed ours ("schema … does not exist"):
    // only our own schema is looked at now.
    it('see only their own schema, and keep working while others come and go', async () => {
      const tables = await ours.opened.db.introspection.getTables();
      assert.equal(tables.filter((t) => t.name === 'units').length, 0, 'the other schema’s table is not ours');
      const churn = (async () => {
        for (let i = 0; i < 15; i += 1) {
          await admin.query(`CREATE SCHEMA ${other}_${i}; CREATE TABLE ${other}_${i}.x (id serial)`);
          await admin.query(`DROP SCHEMA ${other}_${i} CASCADE`);
        }
      })();
      await migrateToLatest(ours.opened.db);
      for (let i = 0; i < 15; i += 1) await ours.opened.db.introspection.getTables({ withInternalKyselyTables: true });
      await churn;
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from steady_migrations`.execute(
        ours.opened.db,
      );
      assert.ok(rows[0]!.n > 5);
    });
  });
}
