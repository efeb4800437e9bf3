import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialectsUnderTest, openTestDatabase, type TestDatabase } from '../../../test/helpers/dialects.js';
import { newId } from '../lib/ids.js';
import { migrateToLatest } from './migrate.js';
import { inSubtrees, subtree, subtreePattern } from './subtree.js';

describe('subtreePattern', () => {
  it('matches the path and everything that starts with it', () => {
    assert.equal(subtreePattern('/a-1/b-2/'), '/a-1/b-2/%');
  });

  it('refuses a path holding a LIKE wildcard or a backslash instead of widening the match', () => {
    for (const path of ['/a%/', '/a_b/', '/a\\b/']) assert.throws(() => subtreePattern(path), /not a unit path/);
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`subtree() in a query (${dialect})`, () => {
    let database: TestDatabase;
    const now = new Date().toISOString();
    const [root, child, grandchild, other] = [newId(), newId(), newId(), newId()];
    const unit = (id: string, parent: string | null, path: string, depth: number) => ({
      id,
      parent_id: parent,
      name: id,
      type: 'school' as const,
      time_zone: 'Asia/Shanghai',
      locale: 'zh-CN',
      path,
      depth,
      created_at: now,
      updated_at: now,
    });
    before(async () => {
      database = await openTestDatabase(dialect);
      await migrateToLatest(database.opened.db);
      await database.opened.db
        .insertInto('units')
        .values([
          unit(root, null, `/${root}/`, 1),
          unit(child, root, `/${root}/${child}/`, 2),
          unit(grandchild, child, `/${root}/${child}/${grandchild}/`, 3),
          unit(other, null, `/${other}/`, 1),
        ])
        .execute();
    });
    after(() => database.drop());

    const ofSubtree = async (path: string) =>
      (
        await database.opened.db
          .selectFrom('units')
          .select('id')
          .where((eb) => subtree(eb, 'path', path))
          .orderBy('depth')
          .execute()
      ).map((u) => u.id);
    const ofSubtrees = async (paths: string[]) =>
      (
        await database.opened.db
          .selectFrom('units')
          .select('id')
          .where((eb) => inSubtrees(eb, 'units.path', paths))
          .execute()
      ).map((u) => u.id);

    it('finds a unit and every unit below it, and nothing beside it', async () => {
      assert.deepEqual(await ofSubtree(`/${root}/${child}/`), [child, grandchild]);
      assert.deepEqual(await ofSubtree(`/${other}/`), [other]);
    });

    it('finds the units of any of several subtrees, and none for no subtree', async () => {
      const both = await ofSubtrees([`/${root}/${child}/${grandchild}/`, `/${other}/`]);
      assert.deepEqual(both.sort(), [grandchild, other].sort());
      assert.deepEqual(await ofSubtrees([]), []);
    });
  });
}
