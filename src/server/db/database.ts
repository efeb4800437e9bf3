import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { CurrentSchemaPostgresDialect } from './current-schema-introspector.js';
import { withPreparedStatements } from './prepared-statements.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
/** What repositories take: the database, or the caller's transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export type DatabaseTarget =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string; schema?: string; poolSize?: number };

/** `sqlite:<path>`, `postgres://…` or `postgresql://…`; anything else is refused by name. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new Error('STEADY_DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/steady.db');
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  throw new Error(`STEADY_DATABASE_URL: expected sqlite:<path> or postgres://…, got "${url}"`);
}

// PostgreSQL returns int8 (counts, sequence numbers) as strings; ours all fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Kysely prepares every query anew; compiling SQL was the largest cost of an API write. Our
 * queries are a small fixed set of texts, so prepared statements are kept and reused.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

export interface OpenedDatabase {
  db: Db;
  dialect: DialectName;
  /** The raw SQLite handle, for the online backup; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
}

export function openDatabase(target: DatabaseTarget): OpenedDatabase {
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new SQLite(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    return {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
      dialect: 'sqlite',
      sqlite,
    };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  return {
    db: new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool: withPreparedStatements(pool) }) }),
    dialect: 'postgres',
    sqlite: null,
  };
}

/** Runs `work` in the caller's transaction when there is one, else in a new one. */
export function inTransaction<T>(db: Db, outer: Executor | undefined, work: (tx: Executor) => Promise<T>): Promise<T> {
  return outer?.isTransaction ? work(outer) : db.transaction().execute(work);
}

export type AfterCommit = (hook: () => void) => void;

/** The after-commit hooks of each open transactionWithHooks, for code handed only the transaction. */
const commitHooks = new WeakMap<object, AfterCommit>();

/** Defers `hook` until the caller's transaction commits when it is a transactionWithHooks; else runs it now. */
export function whenCommitted(tx: Executor, hook: () => void): void {
  const later = commitHooks.get(tx);
  if (later) later(hook);
  else hook();
}

/**
 * A transaction whose work can ask for something to happen once it has committed — telling live
 * screens, waking a worker — and never if it rolls back.
 */
export async function transactionWithHooks<T>(
  db: Db,
  work: (tx: Transaction<Database>, afterCommit: AfterCommit) => Promise<T>,
): Promise<T> {
  const hooks: (() => void)[] = [];
  const result = await db.transaction().execute((tx) => {
    const afterCommit: AfterCommit = (hook) => hooks.push(hook);
    commitHooks.set(tx, afterCommit);
    return work(tx, afterCommit);
  });
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // A hook only informs; the change it follows is already safe.
    }
  }
  return result;
}
