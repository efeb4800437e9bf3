import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { PAGE_SIZE_MAX } from '../../../common/limits.js';
import { newId } from '../../lib/ids.js';

const PROBLEM_JSON = /^application\/problem\+json/;

for (const dialect of dialectsUnderTest()) {
  describe(`units over HTTP (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let s1Safety: Client;
    const id: Record<string, string> = {};

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      admin = await t.signIn('admin');
      s1Safety = await t.signIn('s1.safety');
      for (const [key, name] of Object.entries({
        bureau: '青山县教育局',
        cs1: '青山县城关镇中心学校',
        cs2: '青山县石桥镇中心学校',
        s1: '城关镇第一小学',
        s2: '城关镇第二小学',
        so: '青山县城关街道办事处',
      }))
        id[key] = await unitIdByName(t, name);
    });
    after(() => t.close());

    const unitCount = async () =>
      (
        await t.c.db
          .selectFrom('units')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const auditCount = async () =>
      (
        await t.c.db
          .selectFrom('audit_log')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const peopleCount = async () =>
      (
        await t.c.db
          .selectFrom('people')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const counts = async () => ({
      units: Number(await unitCount()),
      people: Number(await peopleCount()),
      audit: Number(await auditCount()),
    });

    it('a school safety officer sees only their school', async () => {
      const res = await s1Safety.get('/api/v1/units?pageSize=500');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(
        res.json().items.map((u: { id: string }) => u.id),
        [id.s1],
      );
      const roots = await s1Safety.get('/api/v1/units?roots=true');
      assert.deepEqual(
        roots.json().items.map((u: { name: string }) => u.name),
        ['城关镇第一小学'],
      );
    });

    it('the bureau administrator sees the whole bureau tree but not the street office', async () => {
      const res = await admin.get('/api/v1/units?pageSize=500');
      const names: string[] = res.json().items.map((u: { name: string }) => u.name);
      assert.equal(names.length, 12);
      assert.ok(names.includes('城关镇第一小学'));
      assert.ok(!names.includes('东门社区'));
      const children = await admin.get(`/api/v1/units?parentId=${id.cs1}`);
      assert.equal(children.json().total, 5);
      assert.ok(children.json().items.every((u: { parentId: string }) => u.parentId === id.cs1));
    });

    it('reading a sibling school, a parent unit or a guessed id is 404', async () => {
      for (const target of [id.s2, id.cs1, id.bureau, '01a22645-0000-7000-8000-000000000000']) {
        const res = await s1Safety.get(`/api/v1/units/${target}`);
        assert.equal(res.statusCode, 404, target);
        assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      }
      const listing = await s1Safety.get(`/api/v1/units?parentId=${id.cs1}`);
      assert.equal(listing.statusCode, 404);
    });

    it('changing a sibling or a parent is refused and changes nothing', async () => {
      const before = await unitCount();
      const audit = await auditCount();
      const attempts = [
        await s1Safety.patch(`/api/v1/units/${id.s2}`, { name: '改名' }),
        await s1Safety.patch(`/api/v1/units/${id.cs1}`, { name: '改名' }),
        await s1Safety.post('/api/v1/units', { parentId: id.s2, name: '新单位', type: 'school' }),
        await s1Safety.post(`/api/v1/units/${id.s1}/move`, { parentId: id.cs2 }),
      ];
      for (const res of attempts) assert.ok([403, 404].includes(res.statusCode), `${res.statusCode} ${res.body}`);
      assert.equal(await unitCount(), before);
      assert.equal(await auditCount(), audit);
      const s2 = await admin.get(`/api/v1/units/${id.s2}`);
      assert.equal(s2.json().name, '城关镇第二小学');
      const s1 = await admin.get(`/api/v1/units/${id.s1}`);
      assert.equal(s1.json().parentId, id.cs1);
    });

    it('changing a unit by a guessed id is a problem, and nothing changes', async () => {
      const guessed = newId();
      const before = await counts();
      for (const actor of [s1Safety, admin]) {
        const attempts = {
          patch: await actor.patch(`/api/v1/units/${guessed}`, { name: '猜的' }),
          move: await actor.post(`/api/v1/units/${guessed}/move`, { parentId: id.s1 }),
          moveUnder: await actor.post(`/api/v1/units/${id.s1}/move`, { parentId: guessed }),
          createChild: await actor.post('/api/v1/units', { parentId: guessed, name: '猜的下级', type: 'school' }),
        };
        for (const [what, res] of Object.entries(attempts)) {
          assert.ok([403, 404].includes(res.statusCode), `${what}: ${res.statusCode} ${res.body}`);
          assert.match(res.headers['content-type'] as string, PROBLEM_JSON, what);
          assert.equal(res.json().status, res.statusCode, what);
        }
      }
      assert.deepEqual(await counts(), before);
      assert.equal((await t.c.db.selectFrom('units').select('id').where('id', '=', guessed).execute()).length, 0);
      assert.equal((await admin.get(`/api/v1/units/${id.s1}`)).json().parentId, id.cs1);
    });

    it('a teacher may read their school but not change it', async () => {
      const teacher = await t.signIn('s1.teacher1');
      assert.equal((await teacher.get(`/api/v1/units/${id.s1}`)).statusCode, 200);
      const res = await teacher.patch(`/api/v1/units/${id.s1}`, { name: '改名' });
      assert.equal(res.statusCode, 403);
    });

    it('creates, edits and moves a unit with its subtree, and audits each change', async () => {
      const created = await admin.post('/api/v1/units', { parentId: id.cs1, name: '城关镇第三小学', type: 'school' });
      assert.equal(created.statusCode, 201, created.body);
      const unit = created.json();
      assert.equal(unit.depth, 2);
      assert.equal(unit.timeZone, 'Asia/Shanghai');
      const child = (
        await admin.post('/api/v1/units', { parentId: unit.id, name: '分校区', type: 'other', timeZone: 'Asia/Urumqi' })
      ).json();
      assert.equal(child.timeZone, 'Asia/Urumqi');

      const edited = await admin.patch(`/api/v1/units/${unit.id}`, { name: '城关镇第三小学（新校区）' });
      assert.equal(edited.json().name, '城关镇第三小学（新校区）');

      const moved = await admin.post(`/api/v1/units/${unit.id}/move`, { parentId: id.cs2 });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().parentId, id.cs2);
      const movedChild = (await admin.get(`/api/v1/units/${child.id}`)).json();
      assert.equal(movedChild.depth, 3);
      const underCs2 = (await admin.get(`/api/v1/units?parentId=${id.cs2}`))
        .json()
        .items.map((u: { id: string }) => u.id);
      assert.ok(underCs2.includes(unit.id));
      const row = await t.c.db.selectFrom('units').select('path').where('id', '=', child.id).executeTakeFirstOrThrow();
      assert.ok(row.path.startsWith(`/${id.bureau}/${id.cs2}/${unit.id}/`));

      const trail = await t.c.db
        .selectFrom('audit_log')
        .select(['action', 'actor_label', 'actor_account_id', 'before_json', 'after_json'])
        .where('entity_id', '=', unit.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        trail.map((e) => e.action),
        ['unit.create', 'unit.update', 'unit.move'],
      );
      assert.ok(trail.every((e) => e.actor_label === 'admin' && e.actor_account_id === admin.me.accountId));
      const [create, update, move] = trail.map((e) => ({
        before: JSON.parse(e.before_json ?? 'null'),
        after: JSON.parse(e.after_json ?? 'null'),
      }));
      assert.equal(create!.before, null);
      assert.equal(create!.after.name, '城关镇第三小学');
      assert.equal(update!.before.name, '城关镇第三小学', 'the update entry holds the name before');
      assert.equal(update!.after.name, '城关镇第三小学（新校区）', 'and the name after');
      assert.equal(update!.before.type, update!.after.type, 'unchanged fields are the same on both sides');
      assert.deepEqual(move, { before: { parentId: id.cs1 }, after: { parentId: id.cs2 } });
    });

    it('refuses to move a unit under itself or its own descendant', async () => {
      const before = (await admin.get(`/api/v1/units/${id.cs1}`)).json();
      const stored = await counts();
      const paths = await t.c.db.selectFrom('units').select(['id', 'path', 'depth']).orderBy('id').execute();
      for (const target of [id.cs1, id.s1]) {
        const res = await admin.post(`/api/v1/units/${id.cs1}/move`, { parentId: target }, { 'accept-language': 'en' });
        assert.equal(res.statusCode, 422);
        assert.match(res.headers['content-type'] as string, PROBLEM_JSON);
        const problem = res.json();
        assert.equal(problem.errors[0].field, 'parentId');
        assert.match(problem.errors[0].message, /cannot be moved under itself/);
      }
      const zh = await admin.post(`/api/v1/units/${id.cs1}/move`, { parentId: id.s1 });
      assert.match(zh.json().errors[0].message, /^上级单位：不能把单位移动到它自己或它的下级单位之下/);
      assert.match(zh.headers['content-type'] as string, PROBLEM_JSON);
      assert.equal((await admin.get(`/api/v1/units/${id.cs1}`)).json().parentId, before.parentId);
      assert.deepEqual(await counts(), stored, 'no audit entry is written for a refused move');
      assert.deepEqual(
        await t.c.db.selectFrom('units').select(['id', 'path', 'depth']).orderBy('id').execute(),
        paths,
        'no path in the tree changed',
      );
    });

    it('a unit cannot move out of its supervisor’s sight, nor into a tree the actor does not manage', async () => {
      const s1Head = await t.signIn('s1.head');
      const res = await s1Head.post(`/api/v1/units/${id.s1}/move`, { parentId: id.s1 });
      assert.ok([403, 422].includes(res.statusCode));
      const intoStreet = await admin.post(`/api/v1/units/${id.s1}/move`, { parentId: id.so });
      assert.equal(intoStreet.statusCode, 404);
      assert.equal((await admin.get(`/api/v1/units/${id.s1}`)).json().parentId, id.cs1);
    });

    it('bad input gets a problem naming each field, and nothing is stored', async () => {
      const before = await unitCount();
      const empty = await admin.post('/api/v1/units', { parentId: id.cs1, name: '   ', type: 'school' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.headers['content-type'] as string, PROBLEM_JSON);
      assert.deepEqual(empty.json().errors, [{ field: 'name', message: '名称：不能为空' }]);
      const emptyRename = await admin.patch(`/api/v1/units/${id.s1}`, { name: '' }, { 'accept-language': 'en' });
      assert.equal(emptyRename.statusCode, 400);
      assert.match(emptyRename.headers['content-type'] as string, PROBLEM_JSON);
      assert.deepEqual(
        emptyRename.json().errors.map((e: { field: string }) => e.field),
        ['name'],
      );

      const several = await admin.post(
        '/api/v1/units',
        { parentId: 'nope', type: 'castle', timeZone: 'Mars/Base', extra: 1 },
        { 'accept-language': 'en-GB,en;q=0.9' },
      );
      const fields = several
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort();
      assert.deepEqual(fields, ['body', 'name', 'parentId', 'timeZone', 'type']);
      const messages = several
        .json()
        .errors.map((e: { message: string }) => e.message)
        .join(' | ');
      assert.match(messages, /name is required/);
      assert.match(messages, /type must be one of: education_bureau/);
      assert.match(messages, /time zone is not a valid time zone/);
      assert.match(messages, /unknown fields: extra/);

      const malformed = await admin.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload: '{"name": "x",',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(malformed.statusCode, 400);
      assert.match(malformed.headers['content-type'] as string, /application\/problem\+json/);
      assert.match(malformed.json().title, /不是有效的 JSON/);

      const huge = await admin.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        payload: JSON.stringify({ parentId: id.cs1, name: 'x'.repeat(300_000), type: 'school' }),
      });
      assert.equal(huge.statusCode, 413);
      assert.match(huge.headers['content-type'] as string, PROBLEM_JSON);
      assert.equal(huge.json().status, 413);
      assert.match(huge.json().title, /too large; the limit is 262144 bytes/);

      const long = await admin.post('/api/v1/units', { parentId: id.cs1, name: '长'.repeat(101), type: 'school' });
      assert.equal(long.json().errors[0].message, '名称：最多 100 个字符');
      assert.equal(await unitCount(), before);
      assert.equal((await admin.get(`/api/v1/units/${id.s1}`)).json().name, '城关镇第一小学');
    });

    it('pages through the units: page 2 follows page 1, and too large a page is refused by name', async () => {
      const all = (await admin.get(`/api/v1/units?pageSize=${PAGE_SIZE_MAX}`)).json();
      const p1 = await admin.get('/api/v1/units?page=1&pageSize=5');
      const p2 = await admin.get('/api/v1/units?page=2&pageSize=5');
      assert.equal(p2.statusCode, 200);
      const [one, two] = [p1.json(), p2.json()];
      assert.deepEqual(
        { page: two.page, pageSize: two.pageSize, total: two.total },
        { page: 2, pageSize: 5, total: all.total },
      );
      assert.equal(one.total, all.total);
      assert.equal(one.items.length, 5);
      assert.equal(two.items.length, Math.min(5, all.total - 5));
      const ids = (page: { items: { id: string }[] }) => page.items.map((u) => u.id);
      assert.equal(
        new Set([...ids(one), ...ids(two)]).size,
        ids(one).length + ids(two).length,
        'no unit on both pages',
      );
      assert.deepEqual(
        [...ids(one), ...ids(two)],
        ids(all).slice(0, 10),
        'the pages are consecutive slices of one order',
      );
      const last = (await admin.get(`/api/v1/units?page=${Math.ceil(all.total / 5)}&pageSize=5`)).json();
      assert.equal(last.items.length, all.total - 5 * (Math.ceil(all.total / 5) - 1));
      assert.deepEqual(
        (await admin.get(`/api/v1/units?page=${Math.ceil(all.total / 5) + 1}&pageSize=5`)).json().items,
        [],
      );

      const tooBig = await admin.get(`/api/v1/units?pageSize=${PAGE_SIZE_MAX + 1}`, { 'accept-language': 'en' });
      assert.equal(tooBig.statusCode, 400);
      assert.match(tooBig.headers['content-type'] as string, PROBLEM_JSON);
      assert.deepEqual(
        tooBig.json().errors.map((e: { field: string }) => e.field),
        ['pageSize'],
      );
      assert.match(tooBig.json().errors[0].message, new RegExp(`must be at most ${PAGE_SIZE_MAX}`));
      const zero = await admin.get('/api/v1/units?page=0');
      assert.equal(zero.statusCode, 400);
      assert.deepEqual(
        zero.json().errors.map((e: { field: string }) => e.field),
        ['page'],
      );
    });

    it('a unit has a locale: given, inherited from its parent, edited, and a bad one is refused by name', async () => {
      assert.equal((await admin.get(`/api/v1/units/${id.cs1}`)).json().locale, 'zh-CN');
      const english = await admin.post('/api/v1/units', {
        parentId: id.cs1,
        name: '国际部',
        type: 'school',
        locale: 'en',
      });
      assert.equal(english.statusCode, 201, english.body);
      assert.equal(english.json().locale, 'en');
      const inherited = await admin.post('/api/v1/units', {
        parentId: english.json().id,
        name: '国际部小学段',
        type: 'other',
      });
      assert.equal(inherited.json().locale, 'en', 'a new unit speaks its parent’s language');
      const zhChild = await admin.post('/api/v1/units', { parentId: id.cs1, name: '城关镇第四小学', type: 'school' });
      assert.equal(zhChild.json().locale, 'zh-CN');

      const edited = await admin.patch(`/api/v1/units/${inherited.json().id}`, { locale: 'zh-CN' });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().locale, 'zh-CN');
      assert.equal((await admin.get(`/api/v1/units/${inherited.json().id}`)).json().locale, 'zh-CN');
      const entry = await t.c.db
        .selectFrom('audit_log')
        .select(['before_json', 'after_json'])
        .where('entity_id', '=', inherited.json().id)
        .where('action', '=', 'unit.update')
        .executeTakeFirstOrThrow();
      assert.equal(JSON.parse(entry.before_json!).locale, 'en');
      assert.equal(JSON.parse(entry.after_json!).locale, 'zh-CN');

      const stored = await counts();
      for (const res of [
        await admin.post(
          '/api/v1/units',
          { parentId: id.cs1, name: '法语学校', type: 'school', locale: 'fr-FR' },
          { 'accept-language': 'en' },
        ),
        await admin.patch(`/api/v1/units/${english.json().id}`, { locale: 'klingon' }, { 'accept-language': 'en' }),
      ]) {
        assert.equal(res.statusCode, 400);
        assert.match(res.headers['content-type'] as string, PROBLEM_JSON);
        assert.deepEqual(
          res.json().errors.map((e: { field: string }) => e.field),
          ['locale'],
        );
        assert.match(res.json().errors[0].message, /must be one of: zh-CN, en/);
      }
      assert.deepEqual(await counts(), stored);
      assert.equal((await admin.get(`/api/v1/units/${english.json().id}`)).json().locale, 'en');
    });
  });
}
