import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * Why: every write used to lock the one-row audit head until it committed, so writes queued one
 * behind another across all units and instances. Now a transaction only inserts its entry (with an
 * authenticator, `mac`, made with a key the database does not hold); a trigger adds a marker that
 * it waits to be chained; a sequencer places waiting entries into `audit_chain` in batches after
 * they commit.
 * The chain built so far moves into `audit_chain` as it is (scheme `legacy-sha256`), so the
 * history keeps verifying. Both tables are append-only; the markers are deleted when chained.
 * Frozen: never import app code here.
 */

const LEGACY = 'legacy-sha256';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('audit_chain')
    .addColumn('pos', 'bigint', (c) => c.primaryKey())
    .addColumn('entry_seq', 'bigint', (c) => c.notNull().unique())
    .addColumn('key_id', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_unchained')
    .addColumn('entry_seq', 'bigint', (c) => c.primaryKey())
    .execute();
  await sql`INSERT INTO audit_chain (pos, entry_seq, key_id, prev_hash, hash)
    SELECT seq, seq, ${LEGACY}, prev_hash, hash FROM audit_log`.execute(db);

  // SQLite rewrites the table to drop a column; its append-only triggers must not see that.
  if (!postgres) await dropSqliteGuards(db, 'audit_log');
  await db.schema.alterTable('audit_log').dropColumn('prev_hash').execute();
  await db.schema.alterTable('audit_log').dropColumn('hash').execute();
  await db.schema.alterTable('audit_log').addColumn('entry_id', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('key_id', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute();
  await db.schema.createIndex('audit_log_entry_id_idx').on('audit_log').column('entry_id').unique().execute();

  if (postgres) {
    // Entry numbers come from a sequence: no row to lock, so writers never wait on one another.
    await sql`CREATE SEQUENCE audit_entry_seq`.execute(db);
    await sql`SELECT setval('audit_entry_seq', (SELECT coalesce(max(seq), 0) + 1 FROM audit_log), false)`.execute(db);
    await sql`ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_entry_seq')`.execute(db);
    await sql`CREATE FUNCTION steady_audit_chain_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
      FOR EACH ROW EXECUTE FUNCTION steady_audit_chain_append_only()`.execute(db);
    // Every entry waits to be chained: the database adds its marker, so no writer can forget it.
    await sql`CREATE FUNCTION steady_audit_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO audit_unchained (entry_seq) VALUES (NEW.seq); RETURN NULL; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_waiting AFTER INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION steady_audit_waiting()`.execute(db);
    return;
  }
  await createSqliteGuards(db, 'audit_log');
  await createSqliteGuards(db, 'audit_chain');
  await sql`CREATE TRIGGER audit_log_waiting AFTER INSERT ON audit_log
    BEGIN INSERT INTO audit_unchained (entry_seq) VALUES (NEW.seq); END`.execute(db);
}

async function createSqliteGuards(db: Kysely<any>, table: string): Promise<void> {
  await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${sql.table(table)}
    BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${table} is append-only'`)}); END`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.table(table)}
    BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${table} is append-only'`)}); END`.execute(db);
}

async function dropSqliteGuards(db: Kysely<any>, table: string): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_no_update`)}`.execute(db);
  await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_no_delete`)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`DROP TRIGGER IF EXISTS audit_log_waiting ON audit_log`.execute(db);
    await sql`DROP FUNCTION IF EXISTS steady_audit_waiting()`.execute(db);
    await sql`ALTER TABLE audit_log ALTER COLUMN seq DROP DEFAULT`.execute(db);
    await sql`DROP SEQUENCE IF EXISTS audit_entry_seq`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS audit_log_waiting`.execute(db);
    await dropSqliteGuards(db, 'audit_log');
  }
  await db.schema.dropIndex('audit_log_entry_id_idx').execute();
  for (const column of ['mac', 'key_id', 'entry_id'])
    await db.schema.alterTable('audit_log').dropColumn(column).execute();
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  await db.schema.dropTable('audit_unchained').execute();
  await db.schema.dropTable('audit_chain').execute();
  if (postgres) await sql`DROP FUNCTION IF EXISTS steady_audit_chain_append_only()`.execute(db);
  else await createSqliteGuards(db, 'audit_log');
}
