import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { controlCharacterPaths } from './control-characters.js';

describe('controlCharacterPaths', () => {
  it('names every string and key with a control character, and lets tab and line ends through', () => {
    assert.deepEqual(
      controlCharacterPaths({ a: 'x\u0000', b: ['ok', 'bell\u0007'], c: { 'k\u0001': 1 }, d: 'tab\tand\nline\r\nend' }),
      ['a', 'b.1', 'c.k\u0001'],
    );
    assert.deepEqual(controlCharacterPaths({ lone: 'carriage\rreturn', del: '\u007f', c1: 'next\u0085line' }), [
      'lone',
      'del',
      'c1',
    ]);
    assert.deepEqual(controlCharacterPaths('whole\u0000'), ['']);
    assert.deepEqual(controlCharacterPaths({ n: 1, t: true, z: null }), []);
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`control characters in requests (${dialect})`, () => {
    let t: TestApp;
    let safety: Client;
    let s1: string;
    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      safety = await t.signIn('s1.safety');
      s1 = await unitIdByName(t, '城关镇第一小学');
    });
    after(() => t.close());

    it('a NUL in the sign-in is a 400 naming the field, before anyone is signed in', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'a\u0000b', password: 'whatever-it-is' },
        headers: { 'accept-language': 'en' },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.headers['content-type'] as string, /problem\+json/);
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        ['username'],
      );
      assert.match(res.json().errors[0].message, /^username contains a control character/);
    });

    it('a NUL in a query string is a 400 naming the parameter', async () => {
      const res = await safety.get('/api/v1/people?q=%00');
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        ['q'],
      );
      assert.match(res.json().errors[0].message, /^搜索词：含有不允许的控制字符/);
    });

    it('a change with a control character stores nothing; tab and line breaks are kept', async () => {
      const before = await t.c.db
        .selectFrom('units')
        .select(['name', 'updated_at'])
        .where('id', '=', s1)
        .executeTakeFirstOrThrow();
      for (const bad of ['一小\u0000', '一小\u001b[31m', '一小\u0085']) {
        const res = await safety.patch(`/api/v1/units/${s1}`, { name: bad });
        assert.equal(res.statusCode, 400, `${JSON.stringify(bad)}: ${res.body}`);
        assert.deepEqual(
          res.json().errors.map((e: { field: string }) => e.field),
          ['name'],
        );
      }
      assert.deepEqual(
        await t.c.db.selectFrom('units').select(['name', 'updated_at']).where('id', '=', s1).executeTakeFirstOrThrow(),
        before,
      );
      const nested = await safety.post('/api/v1/incidents', {
        unitId: s1,
        type: 'other',
        severity: 4,
        place: '操场\u0000',
        description: '第一行\n第二行\t缩进',
      });
      assert.equal(nested.statusCode, 400);
      assert.deepEqual(
        nested.json().errors.map((e: { field: string }) => e.field),
        ['place'],
      );
      const fine = await safety.post('/api/v1/incidents', {
        unitId: s1,
        type: 'other',
        severity: 4,
        place: '操场',
        description: '第一行\r\n第二行\t缩进',
      });
      assert.equal(fine.statusCode, 201, fine.body);
      assert.equal(fine.json().description, '第一行\r\n第二行\t缩进');
    });
  });
}
