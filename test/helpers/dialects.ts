import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DialectName, type OpenedDatabase } from '../../src/server/db/database.js';

export const TEST_PG_URL = process.env.STEADY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The databases every data test runs against. The test runner (test/run.ts) sets
 * STEADY_TEST_DIALECTS after checking that PostgreSQL answers; run alone, a test file uses SQLite.
 */
export function dialectsUnderTest(): DialectName[] {
  const names = (process.env.STEADY_TEST_DIALECTS ?? 'sqlite')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names)
    if (name !== 'sqlite' && name !== 'postgres') throw new Error(`STEADY_TEST_DIALECTS: unknown dialect ${name}`);
  return names as DialectName[];
}

export interface TestDatabase {
  opened: OpenedDatabase;
  /** A database URL other processes (the CLI, a server) can open to see the same data. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: an in-memory SQLite, or a PostgreSQL schema of its own. */
export async function openTestDatabase(dialect: DialectName, sqlitePath = ':memory:'): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const opened = openDatabase({ dialect: 'sqlite', path: sqlitePath });
    return { opened, url: `sqlite:${sqlitePath}`, drop: () => opened.db.destroy() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const opened = openDatabase({ dialect: 'postgres', url: TEST_PG_URL, schema, poolSize: 4 });
  const url =
    `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}` +
    `options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    opened,
    url,
    drop: async () => {
      await opened.db.destroy();
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}
