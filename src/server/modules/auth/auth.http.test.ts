import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, DEMO_PASSWORD, unitIdByName, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { buildApp } from '../../app.js';
import { createContainer } from '../../container.js';

const login = (t: TestApp, username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

for (const dialect of dialectsUnderTest()) {
  describe(`sign-in, sessions and tokens (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { demo: true, env: { STEADY_LOGIN_ATTEMPTS: '5' } });
    });
    after(() => t.close());

    it('sets an HttpOnly SameSite session cookie and never stores the secret', async () => {
      const res = await login(t, 'k1.head', DEMO_PASSWORD);
      assert.equal(res.statusCode, 200);
      const cookie = res.cookies.find((c) => c.name === 'steady_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/');
      const stored = await t.c.db.selectFrom('sessions').select('id').execute();
      assert.ok(stored.every((s) => s.id !== cookie.value));
      assert.equal(res.json().scopes[0].unitName, '城关镇中心幼儿园');
    });

    it('a wrong password or unknown user is one clear 401 in the user’s language', async () => {
      const wrong = await login(t, 'k1.head', 'wrong-password', { 'accept-language': 'en' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().title, 'Wrong username or password.');
      const unknown = await login(t, 'nobody.here', 'whatever-123');
      assert.equal(unknown.statusCode, 401);
      assert.equal(unknown.json().title, '用户名或密码不正确。');
    });

    it('a change made with the cookie but without the CSRF token is refused', async () => {
      const client = await t.signIn('admin');
      const cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload: { parentId: cs1, name: '伪造', type: 'school' },
        headers: { cookie: client.cookie },
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().type.endsWith('/csrf'), true);
      const wrongToken = await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload: { parentId: cs1, name: '伪造', type: 'school' },
        headers: { cookie: client.cookie, 'x-csrf-token': 'x'.repeat(32) },
      });
      assert.equal(wrongToken.statusCode, 403);
      const rows = await t.c.db.selectFrom('units').select('id').where('name', '=', '伪造').execute();
      assert.equal(rows.length, 0);
    });

    it('without a session every API call is 401', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/units' });
      assert.equal(res.statusCode, 401);
      assert.match(res.headers['content-type'] as string, /problem\+json/);
    });

    it('an API token acts as its account without cookies or CSRF, until revoked', async () => {
      const owner = await t.signIn('s2.safety');
      const created = await owner.post('/api/v1/auth/tokens', { name: '值班机器人', access: 'write' });
      assert.equal(created.statusCode, 201);
      const { token, id } = created.json();
      const stored = await t.c.db
        .selectFrom('api_tokens')
        .select('token_hash')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token);
      const bearer = { authorization: `Bearer ${token}` };
      const units = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer });
      assert.deepEqual(
        units.json().items.map((u: { name: string }) => u.name),
        ['城关镇第二小学'],
      );
      const s2 = await unitIdByName(t, '城关镇第二小学');
      const write = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/units/${s2}`,
        headers: bearer,
        payload: { name: '城关镇第二小学' },
      });
      assert.equal(write.statusCode, 200);
      assert.equal((await owner.delete(`/api/v1/auth/tokens/${id}`)).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer })).statusCode, 401);
      const trail = await t.c.db
        .selectFrom('audit_log')
        .select(['action', 'actor_account_id', 'before_json', 'after_json'])
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute();
      const expiresAt = created.json().expiresAt;
      assert.deepEqual(trail, [
        {
          action: 'token.create',
          actor_account_id: owner.me.accountId,
          before_json: null,
          after_json: JSON.stringify({ name: '值班机器人', access: 'write', modules: null, expiresAt }),
        },
        {
          action: 'token.revoke',
          actor_account_id: owner.me.accountId,
          before_json: JSON.stringify({ name: '值班机器人' }),
          after_json: null,
        },
      ]);
      const byToken = await t.c.db
        .selectFrom('audit_log')
        .select(['action', 'actor_account_id'])
        .where('entity_id', '=', s2)
        .where('action', '=', 'unit.update')
        .execute();
      assert.deepEqual(
        byToken,
        [{ action: 'unit.update', actor_account_id: owner.me.accountId }],
        'a change made with a token is audited as its account',
      );
      assert.ok(
        !JSON.stringify(await t.c.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute()).includes(
          token,
        ),
        'the token itself is never in the trail',
      );
    });

    it('changing one’s own password keeps this session and ends the others', async () => {
      const here = await t.signIn('k2.head');
      const elsewhere = await t.signIn('k2.head');
      const bad = await here.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'brand-new-pass' });
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().errors[0].field, 'currentPassword');
      const ok = await here.post('/api/v1/auth/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'brand-new-pass',
      });
      assert.equal(ok.statusCode, 204);
      assert.equal((await here.get('/api/v1/auth/me')).statusCode, 200);
      assert.equal((await elsewhere.get('/api/v1/auth/me')).statusCode, 401);
      await t.signIn('k2.head', 'brand-new-pass');
      await assert.rejects(t.signIn('k2.head', DEMO_PASSWORD), /401/);
      const stored = await t.c.db
        .selectFrom('accounts')
        .select('password_hash')
        .where('id', '=', here.me.accountId)
        .executeTakeFirstOrThrow();
      assert.match(stored.password_hash, /^\$argon2id\$v=19\$/);
      const trail = await t.c.db
        .selectFrom('audit_log')
        .select(['action', 'actor_account_id', 'before_json', 'after_json'])
        .where('entity_id', '=', here.me.accountId)
        .execute();
      assert.deepEqual(
        trail.filter((e) => e.action === 'account.password'),
        [{ action: 'account.password', actor_account_id: here.me.accountId, before_json: null, after_json: null }],
      );
    });

    it('sign-out ends the session, and needs the CSRF token like every change', async () => {
      const client = await t.signIn('k3.head');
      const forged = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: client.cookie },
      });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().type.endsWith('/csrf'), true);
      assert.equal((await client.get('/api/v1/auth/me')).statusCode, 200, 'a sign-out without the token ends nothing');
      assert.equal((await client.post('/api/v1/auth/logout')).statusCode, 204);
      assert.equal((await client.get('/api/v1/auth/me')).statusCode, 401);
    });

    it('repeated sign-in attempts are rate-limited per username and address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await login(t, 'c1.head', `guess-${i}-password`, { 'accept-language': 'en' })).statusCode);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
      const limited = await login(t, 'c1.head', DEMO_PASSWORD, { 'accept-language': 'en' });
      assert.equal(limited.statusCode, 429);
      assert.match(limited.json().title, /Too many attempts; try again in \d+ seconds/);
      assert.equal((await login(t, 'c2.head', DEMO_PASSWORD)).statusCode, 200, 'other users are not locked out');
    });
  });

  describe(`sign-in limits count failures, per address too, across instances (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, {
        demo: true,
        env: { STEADY_LOGIN_ATTEMPTS: '3', STEADY_LOGIN_ADDRESS_ATTEMPTS: '5' },
      });
    });
    after(() => t.close());
    const from = (address: string, username: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
        remoteAddress: address,
      });

    it('correct sign-ins never count toward the limit', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await from('10.0.0.1', 's1.head', DEMO_PASSWORD)).statusCode);
      assert.deepEqual(statuses, Array(11).fill(200));
    });

    it('one address is capped across usernames; another address is not', async () => {
      const statuses: number[] = [];
      for (const name of ['s1.safety', 's2.safety', 's3.safety', 'k1.safety', 'k2.safety', 'k3.safety'])
        statuses.push((await from('10.0.0.2', name, 'wrong-guess-1')).statusCode);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
      assert.equal((await from('10.0.0.2', 'c3.head', DEMO_PASSWORD)).statusCode, 429, 'even a right password waits');
      assert.equal((await from('10.0.0.3', 'c3.head', DEMO_PASSWORD)).statusCode, 200);
      assert.equal(
        (await t.c.db.selectFrom('sign_in_failures').select('id').where('address', '=', '10.0.0.2').execute()).length,
        5,
      );
    });

    it('a second instance on the same database refuses what the first counted', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await from('10.0.0.4', 'c2.safety', `guess-${i}-x`)).statusCode, 401);
      const second = await buildApp(createContainer(t.c.config, { database: t.database.opened }), { logger: false });
      try {
        const res = await second.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'c2.safety', password: DEMO_PASSWORD },
          remoteAddress: '10.0.0.4',
        });
        assert.equal(res.statusCode, 429);
      } finally {
        await second.close();
      }
    });
  });

  describe(`first-run setup (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    it('creates the top unit and first administrator once, then refuses', async () => {
      assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json(), { needed: true });
      const body = {
        unit: { name: '河西区教育局', type: 'education_bureau', timeZone: 'Asia/Shanghai' },
        admin: { name: '林管理', username: 'Root.Admin', password: 'first-admin-pass' },
      };
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...body, admin: { ...body.admin, password: 'short' } },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'admin.password');
      assert.equal((await t.c.db.selectFrom('units').select('id').execute()).length, 0);

      const res = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().username, 'root.admin');
      assert.equal(res.json().isAdmin, true);
      assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json(), { needed: false });
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
      assert.equal(again.statusCode, 409);
      const stored = await t.c.db
        .selectFrom('accounts')
        .select('password_hash')
        .where('username', '=', 'root.admin')
        .executeTakeFirstOrThrow();
      assert.match(
        stored.password_hash,
        /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/,
        'the first administrator’s password is an argon2id hash',
      );
      const admin = await t.signIn('root.admin', 'first-admin-pass');
      const roots = (await admin.get('/api/v1/units?roots=true')).json();
      assert.deepEqual(
        roots.items.map((u: { name: string }) => u.name),
        ['河西区教育局'],
      );
    });
  });
}
