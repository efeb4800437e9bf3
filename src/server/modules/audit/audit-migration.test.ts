import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Migrator, PostgresAdapter, sql, type Kysely } from 'kysely';
import { TEST_AUDIT_KEY } from '../../../../test/helpers/app.js';
import { dialectsUnderTest, openTestDatabase, type TestDatabase } from '../../../../test/helpers/dialects.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { systemClock } from '../../lib/clock.js';
import { cliActor } from '../auth/actor.js';
import { parseAuditKeys } from './audit-keys.js';
import { AuditTrail } from './audit.service.js';

const BEFORE = '20261129_2000_incident_flags_append_only';

/** Entries as the trail before the sequencer wrote them: SHA-256 over the columns and the previous hash. */
async function writeOldTrail(db: Kysely<any>, count: number): Promise<void> {
  let prev = '0'.repeat(64);
  for (let seq = 1; seq <= count; seq++) {
    const row = {
      seq,
      at: `2026-11-30T08:00:0${seq}.000Z`,
      actor_account_id: null,
      actor_label: 'system:cli',
      action: 'unit.create',
      entity: 'unit',
      entity_id: `u${seq}`,
      unit_id: null,
      before_json: null,
      after_json: `{"n":${seq}}`,
    };
    const hash = createHash('sha256')
      .update(
        JSON.stringify([
          seq,
          row.at,
          null,
          row.actor_label,
          row.action,
          row.entity,
          row.entity_id,
          null,
          null,
          row.after_json,
          prev,
        ]),
      )
      .digest('hex');
    await db
      .insertInto('audit_log')
      .values({ ...row, prev_hash: prev, hash })
      .execute();
    await db.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
    prev = hash;
  }
}

for (const dialect of dialectsUnderTest()) {
  describe(`an audit trail written before the sequencer (${dialect})`, () => {
    let database: TestDatabase;
    let audit: AuditTrail;
    before(async () => {
      database = await openTestDatabase(dialect);
      const db = database.opened.db as Kysely<any>;
      const schema =
        db.getExecutor().adapter instanceof PostgresAdapter
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
          : undefined;
      const upTo = new Migrator({
        db,
        migrationTableSchema: schema,
        migrationTableName: 'steady_migrations',
        migrationLockTableName: 'steady_migrations_lock',
        provider: { getMigrations: async () => migrations },
      });
      assert.equal((await upTo.migrateTo(BEFORE)).error, undefined);
      await writeOldTrail(db, 5);
      await migrateToLatest(database.opened.db);
      audit = new AuditTrail(database.opened.db, systemClock, dialect, {
        keys: parseAuditKeys(TEST_AUDIT_KEY),
        checkpointDir: undefined,
        checkpointEveryMs: 60_000,
      });
    });
    after(() => database.drop());

    it('keeps verifying after the migration, and new keyed entries chain on after it', async () => {
      assert.deepEqual((await audit.verify()).checked, 5);
      await database.opened.db.transaction().execute((tx) =>
        audit.record(tx, cliActor, {
          action: 'unit.update',
          entity: 'unit',
          entityId: 'u1',
          unitId: null,
          after: { n: 6 },
        }),
      );
      await audit.settle();
      const result = await audit.verify();
      assert.deepEqual([result.ok, result.checked, result.warnings], [true, 6, ['no-checkpoint']]);
    });

    it('an old entry edited after the migration is still named', async () => {
      if (dialect === 'postgres')
        await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(database.opened.db);
      else await sql`DROP TRIGGER audit_log_no_update`.execute(database.opened.db);
      await sql`UPDATE audit_log SET after_json = '{"n":99}' WHERE seq = 3`.execute(database.opened.db);
      assert.deepEqual((await audit.verify()).problem, { kind: 'altered', pos: 3, seq: 3 });
    });
  });
}
