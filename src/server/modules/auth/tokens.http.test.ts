import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, DEMO_PASSWORD, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

for (const dialect of dialectsUnderTest()) {
  describe(`API token scopes and expiry (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let admin: Client;
    let s1: string;
    before(async () => {
      clock = new FakeClock(new Date('2027-03-01T02:00:00.000Z'));
      t = await createTestApp(dialect, { demo: true, clock });
      admin = await t.signIn('admin');
      s1 = await unitIdByName(t, '城关镇第一小学');
    });
    after(() => t.close());

    const mint = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/v1/auth/tokens', { name: '集成', ...body });
      assert.equal(res.statusCode, 201, res.body);
      return { authorization: `Bearer ${res.json().token}` };
    };
    const as = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    const count = async (table: 'api_tokens' | 'units') =>
      (await t.c.db.selectFrom(table).select('id').execute()).length;

    it('a token cannot mint tokens, revoke them, change its password or set anyone’s', async () => {
      const token = await mint({ access: 'write' });
      const tokens = await count('api_tokens');
      const minted = await as(token, 'POST', '/api/v1/auth/tokens', { name: '再来一个', access: 'write' });
      assert.equal(minted.statusCode, 403, minted.body);
      assert.equal(minted.json().type.endsWith('/token-scope'), true);
      assert.equal(await count('api_tokens'), tokens, 'no token was made');
      const own = await as(token, 'POST', '/api/v1/auth/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'taken-over-lantern-9',
      });
      assert.equal(own.statusCode, 403);
      const someone = (await admin.get(`/api/v1/people?unitId=${s1}`))
        .json()
        .items.find((p: { account: { username: string } | null }) => p.account?.username === 's1.gate');
      const reset = await as(token, 'POST', `/api/v1/people/${someone.id}/password`, {
        password: 'taken-over-lantern-9',
        mustChange: false,
      });
      assert.equal(reset.statusCode, 403);
      await t.signIn('admin');
      await t.signIn('s1.gate');
    });

    it('a read-only token reads but changes nothing', async () => {
      const token = await mint({});
      assert.equal((await as(token, 'GET', `/api/v1/units/${s1}`)).statusCode, 200);
      const before = await t.c.db.selectFrom('units').selectAll().where('id', '=', s1).executeTakeFirstOrThrow();
      const write = await as(token, 'PATCH', `/api/v1/units/${s1}`, { name: '改名' });
      assert.equal(write.statusCode, 403);
      assert.deepEqual(
        await t.c.db.selectFrom('units').selectAll().where('id', '=', s1).executeTakeFirstOrThrow(),
        before,
      );
    });

    it('a token for named modules reaches only those', async () => {
      const token = await mint({ access: 'write', modules: ['incidents'] });
      assert.equal((await as(token, 'GET', '/api/v1/incidents')).statusCode, 200);
      assert.equal((await as(token, 'GET', '/api/v1/units')).statusCode, 403);
      const units = await count('units');
      assert.equal(
        (await as(token, 'POST', '/api/v1/units', { parentId: s1, name: '分校', type: 'school' })).statusCode,
        403,
      );
      assert.equal(await count('units'), units);
      const unknown = await admin.post(
        '/api/v1/auth/tokens',
        { name: '错', modules: ['incidents', 'wiretap'] },
        { 'accept-language': 'en' },
      );
      assert.equal(unknown.statusCode, 422);
      assert.deepEqual(unknown.json().errors, [
        { field: 'modules.1', message: 'modules names no module called "wiretap"' },
      ]);
    });

    it('a token stops working when it expires, and the list says when', async () => {
      const res = await admin.post('/api/v1/auth/tokens', { name: '一天', expiresInDays: 1 });
      const token = { authorization: `Bearer ${res.json().token}` };
      assert.equal(res.json().expiresAt, '2027-03-02T02:00:00.000Z');
      const listed = (await admin.get('/api/v1/auth/tokens'))
        .json()
        .find((x: { id: string }) => x.id === res.json().id);
      assert.deepEqual(
        { access: listed.access, modules: listed.modules, expiresAt: listed.expiresAt },
        { access: 'read', modules: null, expiresAt: '2027-03-02T02:00:00.000Z' },
      );
      assert.equal((await as(token, 'GET', '/api/v1/units')).statusCode, 200);
      const tooLong = await admin.post('/api/v1/auth/tokens', { name: '永久', expiresInDays: 10_000 });
      assert.equal(tooLong.statusCode, 400);
      assert.equal(tooLong.json().errors[0].field, 'expiresInDays');
      clock.set(new Date('2027-03-02T02:00:01.000Z'));
      assert.equal((await as(token, 'GET', '/api/v1/units')).statusCode, 401);
    });
  });
}
