import { Migrator, PostgresAdapter, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  return checked(await (await migratorFor(db)).migrateToLatest());
}

/**
 * Brings the schema to the named migration, up or down: for tests that store rows as an older version
 * did and see a later migration carry them over.
 */
export async function migrateTo(db: Db, name: string): Promise<MigrationResultSet> {
  return checked(await (await migratorFor(db)).migrateTo(name));
}

async function migratorFor(db: Db): Promise<Migrator> {
  return new Migrator({
    db,
    // Kysely looks for its bookkeeping tables in every schema unless told which one; name ours so
    // that another schema in the same database (another deployment, a parallel test) cannot confuse it.
    migrationTableSchema: await currentSchema(db),
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'steady_migrations',
    migrationLockTableName: 'steady_migrations_lock',
  });
}

function checked(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}

async function currentSchema(db: Db): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}
