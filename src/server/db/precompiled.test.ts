import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, RootOperationNode } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/dialects.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { StatementCounter } from '../../../test/helpers/statements.js';
import { newId } from '../lib/ids.js';
import type { UnitRow } from '../modules/units/units.table.js';
import { migrateToLatest } from './migrate.js';
import { precompiled, precompiledRows } from './precompiled.js';

const UNIT_COLUMNS = {
  id: true,
  parent_id: true,
  name: true,
  type: true,
  time_zone: true,
  locale: true,
  path: true,
  depth: true,
  enrolment: true,
  created_at: true,
  updated_at: true,
} as const;

const insertUnit = precompiled(UNIT_COLUMNS, (db, row: UnitRow) => db.insertInto('units').values(row));
const unitById = precompiled({ id: true }, (db, p: { id: string }) =>
  db.selectFrom('units').selectAll().where('id', '=', p.id),
);
const insertUnits = precompiledRows(UNIT_COLUMNS, (db, rows: UnitRow[]) =>
  db
    .insertInto('units')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing()),
);
/** A fixed value in the build ('school') stays in the statement beside the changing ones. */
const schoolsNamed = precompiled({ name: true, parent: true }, (db, p: { name: string; parent: string }) =>
  db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('type', '=', 'school')
    .where('name', '=', p.name)
    .where('parent_id', '=', p.parent)
    .orderBy('id'),
);

function unit(name: string, type: UnitRow['type'], parent: UnitRow | null): UnitRow {
  const id = newId();
  const now = new Date().toISOString();
  return {
    id,
    parent_id: parent?.id ?? null,
    name,
    type,
    time_zone: 'Asia/Shanghai',
    locale: 'zh-CN',
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    enrolment: type === 'school' ? 300 : null,
    created_at: now,
    updated_at: now,
  };
}

/** Hands every statement on as a copy: a plugin that changes the statement gets it compiled anew. */
class CopyingPlugin implements KyselyPlugin {
  seen = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.seen++;
    return { ...args.node };
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

for (const dialect of dialectsUnderTest()) {
  describe(`statements compiled once (${dialect})`, () => {
    let database: TestDatabase;
    let bureau: UnitRow;
    before(async () => {
      database = await openTestDatabase(dialect);
      await migrateToLatest(database.opened.db);
      bureau = unit('教育局', 'education_bureau', null);
      await insertUnit.execute(database.opened.db, bureau);
    });
    after(() => database.drop());

    it('runs with each call’s values, as the same query built anew would', async () => {
      const { db } = database.opened;
      const a = unit('第一小学', 'school', bureau);
      const b = unit('第二小学', 'school', bureau);
      await insertUnit.execute(db, a);
      await insertUnit.execute(db, b);
      assert.deepEqual(await unitById.executeTakeFirst(db, { id: a.id }), a);
      assert.deepEqual(await unitById.executeTakeFirst(db, { id: b.id }), b);
      assert.deepEqual(
        await unitById.executeTakeFirst(db, { id: b.id }),
        await db.selectFrom('units').selectAll().where('id', '=', b.id).executeTakeFirst(),
      );
      assert.equal(await unitById.executeTakeFirst(db, { id: newId() }), undefined);
      assert.deepEqual(await schoolsNamed.execute(db, { name: '第二小学', parent: bureau.id }), [
        { id: b.id, name: '第二小学' },
      ]);
      assert.deepEqual(await schoolsNamed.execute(db, { name: '教育局', parent: bureau.id }), []);
    });

    it('inserts any number of rows, each with its own values, compiled once per number of rows', async () => {
      const { db } = database.opened;
      const counter = new StatementCounter();
      const counted = db.withPlugin(counter);
      const one = [unit('一所', 'school', bureau)];
      const three = [unit('甲', 'school', bureau), unit('乙', 'kindergarten', bureau), unit('丙', 'other', bureau)];
      const again = [unit('又一所', 'school', bureau)];
      const { statements } = await counter.during(async () => {
        await insertUnits.execute(counted, one);
        await insertUnits.execute(counted, three);
        await insertUnits.execute(counted, again);
        await insertUnits.execute(counted, []);
        // The conflict clause is kept: a row already there is left as it was.
        await insertUnits.execute(counted, [{ ...three[1]!, name: '改名' }]);
      });
      assert.deepEqual(statements, ['insert units', 'insert units', 'insert units', 'insert units']);
      // A batch larger than those kept compiled is built for itself, and inserted all the same (twice: not kept).
      for (const batch of [0, 1]) {
        const many = Array.from({ length: 40 }, (_, i) => unit(`批量 ${batch}-${i}`, 'other', bureau));
        await insertUnits.execute(db, many);
        for (const row of [many[0]!, many[39]!])
          assert.deepEqual(await unitById.executeTakeFirst(db, { id: row.id }), row);
      }
      for (const row of [...one, ...three, ...again])
        assert.deepEqual(await unitById.executeTakeFirst(db, { id: row.id }), row);
    });

    it('runs in the caller’s transaction, and rolls back with it', async () => {
      const { db } = database.opened;
      const kept = unit('保留', 'other', bureau);
      const dropped = unit('回滚', 'other', bureau);
      await db.transaction().execute(async (tx) => {
        await insertUnit.execute(tx, kept);
        assert.deepEqual(await unitById.executeTakeFirst(tx, { id: kept.id }), kept);
      });
      await assert.rejects(
        db.transaction().execute(async (tx) => {
          await insertUnit.execute(tx, dropped);
          assert.deepEqual(await unitById.executeTakeFirst(tx, { id: dropped.id }), dropped);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.deepEqual(await unitById.executeTakeFirst(db, { id: kept.id }), kept);
      assert.equal(await unitById.executeTakeFirst(db, { id: dropped.id }), undefined);
    });

    it('is counted by the statement counter, each run', async () => {
      const counter = new StatementCounter();
      const db = database.opened.db.withPlugin(counter);
      const extra = unit('计数', 'other', bureau);
      const { statements } = await counter.during(async () => {
        await insertUnit.execute(db, extra);
        await unitById.executeTakeFirst(db, { id: extra.id });
        await unitById.executeTakeFirst(db, { id: bureau.id });
      });
      assert.deepEqual(statements, ['insert units', 'select units', 'select units']);
    });

    it('gives a plugin that changes the statement a statement compiled from what it returned', async () => {
      const copying = new CopyingPlugin();
      const db = database.opened.db.withPlugin(copying);
      assert.deepEqual(await unitById.executeTakeFirst(db, { id: bureau.id }), bureau);
      assert.equal(copying.seen, 1);
    });
  });
}

describe('a statement compiled once refuses values it cannot carry', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase('sqlite');
    await migrateToLatest(database.opened.db);
  });
  after(() => database.drop());

  it('refuses a value read by code while building (its text would be fixed in the statement)', async () => {
    const underPath = precompiled({ path: true }, (db, p: { path: string }) =>
      db.selectFrom('units').selectAll().where('path', 'like', `${p.path}%`),
    );
    await assert.rejects(underPath.execute(database.opened.db, { path: '/a/' }), /"path" was used in code/);
  });

  it('refuses a named value the statement does not take', async () => {
    const ignoring = precompiled({ id: true, name: true }, (db, p: { id: string; name: string }) =>
      db.selectFrom('units').selectAll().where('id', '=', p.id),
    );
    await assert.rejects(ignoring.execute(database.opened.db, { id: 'x', name: 'y' }), /name not a value/);
  });
});
