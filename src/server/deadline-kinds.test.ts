import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEST_AUDIT_KEY } from '../../test/helpers/app.js';
import { dialectsUnderTest, openTestDatabase, type TestDatabase } from '../../test/helpers/dialects.js';
import { loadConfig } from './config.js';
import { createContainer, type Container } from './container.js';
import { migrateTo, migrateToLatest } from './db/migrate.js';
import { RENAMED_KINDS } from './db/migrations/20261207_1000_deadline_kinds.js';
import { DeadlineEngine, type DeadlineKindName } from './engine/engine.js';
import { FakeClock } from './lib/clock.js';

const T0 = '2027-03-01T00:00:00.000Z';
const BEFORE_RENAME = '20261207_0900_reader_language';
const MODULES = join(import.meta.dirname, 'modules');

const containerOn = (database: TestDatabase, clock = new FakeClock(T0)): Container =>
  createContainer(loadConfig({ STEADY_DATA_DIR: '/tmp/steady-test-unused', STEADY_AUDIT_KEY: TEST_AUDIT_KEY }), {
    clock,
    database: database.opened,
  });

/** The modules' source files (tests aside), by path under `modules/`. */
function moduleSources(): { path: string; text: string }[] {
  return readdirSync(MODULES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ path: f.split(sep).join('/'), text: readFileSync(join(MODULES, f), 'utf8') }));
}

/** Every deadline kind a module names: its exported `…_DEADLINE` constants, with the module's folder. */
function declaredKinds(): { module: string; name: string; kind: string }[] {
  return moduleSources().flatMap(({ path, text }) =>
    [...text.matchAll(/export const (\w+_DEADLINE)\s*=\s*'([^']*)'/g)].map((m) => ({
      module: path.split('/')[0]!,
      name: `${path}:${m[1]}`,
      kind: m[2]!,
    })),
  );
}

describe('the deadline kinds', () => {
  let database: TestDatabase;
  let c: Container;
  before(async () => {
    database = await openTestDatabase('sqlite');
    c = containerOn(database);
  });
  after(() => database.drop());

  it('are registered from one list: every kind a module declares has exactly one handler, and no other', () => {
    const declared = declaredKinds();
    assert.ok(declared.length >= 20, `found ${declared.length} kind constants`);
    const kinds = declared.map((d) => d.kind);
    assert.equal(new Set(kinds).size, kinds.length, 'no two constants name the same kind');
    assert.deepEqual([...c.engine.kinds()].sort(), [...kinds].sort());
  });

  it('are named `<module>.<what>` after the folder of the module that declares them', () => {
    for (const d of declaredKinds())
      assert.match(d.kind, new RegExp(`^${d.module}\\.[a-z]+(-[a-z]+)*$`), `${d.name} = '${d.kind}'`);
  });

  it('are scheduled by constant and handled through the list, never by `engine.on` in a module', () => {
    for (const { path, text } of moduleSources()) {
      assert.doesNotMatch(text, /engine\.on\(/, `${path} registers a handler itself`);
      const flat = text.replace(/\s+/g, ' ');
      assert.doesNotMatch(flat, /\.(schedule|reschedule|rearm)\(\s*\w+, \{ kind: '/, `${path} names a kind by string`);
    }
  });

  it('a kind listed twice stops the start-up', () => {
    const engine = new DeadlineEngine(database.opened.db, database.opened.dialect, new FakeClock(T0));
    const fire = async () => undefined;
    assert.throws(
      () =>
        engine.register([
          { kind: 'test.one', fire },
          { kind: 'test.two', fire },
          { kind: 'test.one', fire },
        ]),
      /deadline kind "test.one" already has a handler/,
    );
    // The container's engine has its list already: registering one of its kinds again is refused too.
    const [first] = c.engine.kinds();
    assert.throws(() => c.engine.register([{ kind: first as DeadlineKindName, fire }]), /already has a handler/);
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`deadlines stored under the older kind names (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(dialect);
      await migrateTo(database.opened.db, BEFORE_RENAME);
    });
    after(() => database.drop());

    const kindsStored = async () =>
      (await database.opened.db.selectFrom('deadlines').select(['ref_id', 'kind']).orderBy('ref_id').execute()).map(
        (r) => [r.ref_id, r.kind],
      );

    it('are renamed by the migration (and back by its down), and an old pending one fires its handler', async () => {
      const old = Object.keys(RENAMED_KINDS);
      const row = (kind: string, refId: string, dueAt: string) => ({
        id: `${String(old.indexOf(kind)).padStart(2, '0')}-${refId}`,
        kind,
        ref_id: refId,
        unit_id: null,
        due_at: dueAt,
        state: 'pending',
        attempts: 0,
        last_error: null,
        fired_by: null,
        created_at: '2027-02-28T00:00:00.000Z',
        fired_at: null,
      });
      // The daily-report planner as an older version left it, due now; the others wait for next year.
      await database.opened.db
        .insertInto('deadlines')
        .values([
          row('daily-report.planner', 'planner', T0),
          ...old.filter((k) => k !== 'daily-report.planner').map((k) => row(k, `old-${k}`, '2028-01-01T00:00:00.000Z')),
        ])
        .execute();
      const before = await kindsStored();

      await migrateToLatest(database.opened.db);
      const renamed = await kindsStored();
      assert.deepEqual(
        renamed,
        before.map(([ref, kind]) => [ref, RENAMED_KINDS[kind!]]),
      );
      await migrateTo(database.opened.db, BEFORE_RENAME);
      assert.deepEqual(await kindsStored(), before, 'down() gives the older names back');
      await migrateToLatest(database.opened.db);

      const c = containerOn(database);
      for (const [, kind] of renamed) assert.ok(c.engine.kinds().includes(kind!), `${kind} has a handler`);
      assert.equal(await c.engine.tick(), 1);
      const planner = await database.opened.db
        .selectFrom('deadlines')
        .select(['id', 'kind', 'state', 'attempts', 'last_error', 'due_at'])
        .where('ref_id', '=', 'planner')
        .execute();
      // Its handler ran: the planner re-armed itself (a fresh row for its next look), nothing failed.
      assert.equal(planner.length, 1);
      assert.equal(planner[0]!.kind, 'daily-reports.planner');
      assert.notEqual(planner[0]!.id, row('daily-report.planner', 'planner', T0).id, 'the fired row made way');
      assert.deepEqual([planner[0]!.state, planner[0]!.attempts, planner[0]!.last_error], ['pending', 0, null]);
      assert.ok(planner[0]!.due_at > T0, 'armed for later');
    });
  });
}
