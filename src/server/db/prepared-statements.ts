import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Statements worth naming: the data queries; DDL and transaction control run once. */
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;
/**
 * A prepared `select *` (or `returning *`) fails with "cached plan must not change result type"
 * once a migration adds a column — on every instance still running during a rolling upgrade — so
 * texts that take all columns stay unnamed; named columns keep their types across added columns.
 */
const ALL_COLUMNS = /(^|[\s,.(])\*(\s|,|$)/;
/**
 * Subtree reads (`path like $1`) stay unnamed too: after five runs PostgreSQL may switch a prepared
 * statement to a generic plan, which cannot see the pattern's prefix; for the supervisors' matrix and
 * today's status that plan was slower than planning each run afresh (`npm run bench daily-report-matrix`).
 */
const PATTERN_MATCH = /\slike\s/i;

/**
 * Kysely sends every query to PostgreSQL unnamed, so the server parses and plans it again on every
 * run — on an incident report, about as much PostgreSQL CPU as Steady's own. Our queries are a
 * small fixed set of texts, so each text gets a name and pg keeps it prepared per connection: a
 * connection parses a text once and only binds and runs it afterwards. Texts past `limit`
 * (multi-row inserts vary with their row count) stay unnamed, so the names a connection holds
 * stay bounded.
 */
export function withPreparedStatements(pool: pg.Pool, limit = 1000): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (
      name === undefined &&
      names.size < limit &&
      DATA_STATEMENT.test(text) &&
      !ALL_COLUMNS.test(text) &&
      !PATTERN_MATCH.test(text)
    ) {
      name = `steady_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((text: unknown, values?: readonly unknown[]) => {
      const name = typeof text === 'string' ? nameOf(text) : undefined;
      return name
        ? client.query({ name, text: text as string, values: values as unknown[] })
        : client.query(text as string, values as unknown[]); // also a cursor, which carries its own text
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return {
    connect: async () => {
      const client = await pool.connect();
      let connection = wrapped.get(client);
      if (!connection) wrapped.set(client, (connection = wrap(client)));
      return connection;
    },
    end: () => pool.end(),
  };
}
