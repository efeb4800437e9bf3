/** Throw-away PostgreSQL schemas on the local test server (127.0.0.1 only), as the tests make them. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const BENCH_PG_URL =
  process.env.STEADY_BENCH_PG_URL ?? process.env.STEADY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const freshSchemaName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

/** A URL whose connections use `schema` first, for tools that take a URL only. */
export const urlWithSchema = (schema: string) =>
  `${BENCH_PG_URL}${BENCH_PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

export async function pgQuery(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Whether the server answers; the PostgreSQL runs are skipped (and said so) when it does not. */
export async function pgReachable(): Promise<string | null> {
  try {
    const { rows } = await pgQuery('select version() as v');
    return String((rows[0] as { v: string }).v);
  } catch {
    return null;
  }
}

export const createSchema = (schema: string) => pgQuery(`create schema ${schema}`);
export const dropSchema = (schema: string) => pgQuery(`drop schema if exists ${schema} cascade`);
