import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/dialects.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { newId } from '../lib/ids.js';
import { openDatabase, parseDatabaseUrl, type OpenedDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

describe('the embedded SQLite database file', () => {
  let dir: string;
  let opened: OpenedDatabase;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'steady-db-'));
    // A directory that does not exist yet: Steady creates it.
    opened = openDatabase(parseDatabaseUrl(`sqlite:${join(dir, 'nested', 'steady.db')}`));
  });
  after(async () => {
    await opened.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens in WAL mode with foreign keys on', async () => {
    const sqlite = opened.sqlite ?? assert.fail('no SQLite handle');
    assert.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(sqlite.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(sqlite.pragma('busy_timeout', { simple: true }), 5000);
    // The same answers through Kysely, the connection every query uses.
    const { rows: journal } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(opened.db);
    assert.equal(journal[0]!.journal_mode, 'wal');
    const { rows: keys } = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(opened.db);
    assert.equal(keys[0]!.foreign_keys, 1);
  });

  it('writes a -wal file beside the database once something is written', async () => {
    await migrateToLatest(opened.db);
    assert.ok(existsSync(join(dir, 'nested', 'steady.db')));
    assert.ok(existsSync(join(dir, 'nested', 'steady.db-wal')));
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`foreign keys are enforced (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(dialect);
      await migrateToLatest(database.opened.db);
    });
    after(() => database.drop());

    it('refuses a unit whose parent does not exist, and a person whose home unit does not exist', async () => {
      const { db } = database.opened;
      const now = new Date().toISOString();
      const id = newId();
      const orphan = {
        id,
        parent_id: newId(),
        name: '孤儿单位',
        type: 'school',
        time_zone: 'Asia/Shanghai',
        locale: 'zh-CN',
        path: `/${id}/`,
        depth: 1,
        created_at: now,
        updated_at: now,
      } as const;
      await assert.rejects(db.insertInto('units').values(orphan).execute(), /foreign key/i);
      await assert.rejects(
        db
          .insertInto('people')
          .values({
            id: newId(),
            home_unit_id: newId(),
            name: '某人',
            phone: null,
            email: null,
            created_at: now,
            updated_at: now,
          })
          .execute(),
        /foreign key/i,
      );
      assert.equal((await db.selectFrom('units').select('id').execute()).length, 0);
      assert.equal((await db.selectFrom('people').select('id').execute()).length, 0);
    });
  });
}
