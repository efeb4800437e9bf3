import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, DEMO_PASSWORD, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { passwordProblem } from './password-strength.js';

describe('password strength', () => {
  it('refuses common, Chinese-common and personal passwords and accepts long unrelated words', () => {
    for (const weak of ['password', '12345678', 'qwertyuiop', 'woaini1314', '5201314520', 'aaaaaaaaaa']) {
      assert.ok(passwordProblem(weak, 'password'), `${weak} is weak`);
    }
    assert.ok(passwordProblem('k1head2026', 'password', ['k1.head']), 'the username with a year is weak');
    for (const strong of ['brand-new-pass', 'river-lantern-47', 'demo-password-for-tests'])
      assert.equal(passwordProblem(strong, 'password'), null, strong);
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`weak passwords are refused (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      admin = await t.signIn('admin');
    });
    after(() => t.close());

    const hashOf = async (username: string) =>
      (
        await t.c.db
          .selectFrom('accounts')
          .select('password_hash')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).password_hash;

    it('changing one’s own password to "password" says why, in the user’s language, and changes nothing', async () => {
      const me = await t.signIn('s3.head');
      const before = await hashOf('s3.head');
      const en = await me.post(
        '/api/v1/auth/password',
        { currentPassword: DEMO_PASSWORD, newPassword: 'password' },
        { 'accept-language': 'en' },
      );
      assert.equal(en.statusCode, 422, en.body);
      assert.deepEqual(en.json().errors, [
        {
          field: 'newPassword',
          message: 'new password is too easy to guess: it is one of the ten most common passwords',
        },
      ]);
      const zh = await me.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'password' });
      assert.equal(zh.json().errors[0].message, '新密码：太容易被猜中：这是最常用的十个密码之一');
      assert.equal(await hashOf('s3.head'), before);
    });

    it('a forced change refuses the password the administrator chose', async () => {
      const s4 = await unitIdByName(t, '石桥镇中心小学');
      const person = (await admin.get(`/api/v1/people?unitId=${s4}&q=`))
        .json()
        .items.find((p: { account: { username: string } | null }) => p.account?.username === 's4.gate');
      assert.equal(
        (await admin.post(`/api/v1/people/${person.id}/password`, { password: 'given-by-admin-77', mustChange: true }))
          .statusCode,
        204,
      );
      const gate = await t.signIn('s4.gate', 'given-by-admin-77');
      const same = await gate.post(
        '/api/v1/auth/password',
        { currentPassword: 'given-by-admin-77', newPassword: 'given-by-admin-77' },
        { 'accept-language': 'en' },
      );
      assert.equal(same.statusCode, 422);
      assert.deepEqual(same.json().errors, [
        { field: 'newPassword', message: 'new password must differ from the current password' },
      ]);
      assert.equal((await gate.get('/api/v1/auth/me')).json().mustChangePassword, true, 'still must change it');
      assert.equal(
        (
          await gate.post('/api/v1/auth/password', {
            currentPassword: 'given-by-admin-77',
            newPassword: 'my-own-lantern-82',
          })
        ).statusCode,
        204,
      );
    });

    it('an administrator cannot set or reset a weak password either; first-run setup refuses one', async () => {
      const s5 = await unitIdByName(t, '石桥镇白沙小学');
      const created = await admin.post('/api/v1/people', {
        homeUnitId: s5,
        name: '冯门卫',
        roles: [{ unitId: s5, role: 'gatekeeper' }],
        account: { username: 's5.gate2', password: 'qwerty123' },
      });
      assert.equal(created.statusCode, 422, created.body);
      assert.equal(created.json().errors[0].field, 'account.password');
      assert.equal(
        (await t.c.db.selectFrom('people').select('id').where('name', '=', '冯门卫').execute()).length,
        0,
        'nobody half-registered',
      );
      const person = (await admin.get(`/api/v1/people?unitId=${s5}`))
        .json()
        .items.find((p: { account: { username: string } | null }) => p.account?.username === 's5.gate');
      const before = await hashOf('s5.gate');
      const reset = await admin.post(`/api/v1/people/${person.id}/password`, {
        password: '11111111',
        mustChange: true,
      });
      assert.equal(reset.statusCode, 422);
      assert.equal(reset.json().errors[0].field, 'password');
      assert.equal(await hashOf('s5.gate'), before);
    });
  });

  describe(`first-run setup refuses a weak password (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    it('names admin.password and creates nothing', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: {
          unit: { name: '河西区教育局', type: 'education_bureau', timeZone: 'Asia/Shanghai' },
          admin: { name: '林管理', username: 'root.admin', password: 'rootadmin1' },
        },
      });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().errors[0].field, 'admin.password');
      assert.equal((await t.c.db.selectFrom('units').select('id').execute()).length, 0);
    });
  });
}
