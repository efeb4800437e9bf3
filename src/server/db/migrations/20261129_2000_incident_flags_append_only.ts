import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * Why: late, missing and concealed-report flags are facts on the record. They are answered by an
 * appended note and never removed or altered; the application only ever inserts them (a flag
 * raised twice is an insert that does nothing), so the database refuses every UPDATE and DELETE
 * on the flags and on their notes, as it does for the audit log. Frozen: never import app code here.
 */

const TABLES = ['incident_flags', 'incident_flag_notes'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION steady_incident_flags_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`.execute(db);
    for (const table of TABLES) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION steady_incident_flags_append_only()`.execute(db);
    }
    return;
  }
  for (const table of TABLES) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${table} is append-only'`)}); END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${table} is append-only'`)}); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of TABLES)
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_append_only`)} ON ${sql.table(table)}`.execute(db);
    await sql`DROP FUNCTION IF EXISTS steady_incident_flags_append_only()`.execute(db);
    return;
  }
  for (const table of TABLES) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_no_update`)}`.execute(db);
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_no_delete`)}`.execute(db);
  }
}
