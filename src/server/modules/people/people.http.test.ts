import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';

for (const dialect of dialectsUnderTest()) {
  describe(`people and accounts over HTTP (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let s1Safety: Client;
    let s1: string;
    let s2: string;
    let cs1: string;

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      admin = await t.signIn('admin');
      s1Safety = await t.signIn('s1.safety');
      s1 = await unitIdByName(t, '城关镇第一小学');
      s2 = await unitIdByName(t, '城关镇第二小学');
      cs1 = await unitIdByName(t, '青山县城关镇中心学校');
    });
    after(() => t.close());

    const peopleCount = async () => (await t.c.db.selectFrom('people').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

    it('lists the people of a unit, with roles and accounts, and only those the actor may see', async () => {
      const mine = (await s1Safety.get('/api/v1/people?pageSize=100')).json();
      assert.equal(mine.total, 4);
      assert.ok(mine.items.every((p: { homeUnitId: string }) => p.homeUnitId === s1));
      const gate = mine.items.find((p: { account: { username: string } }) => p.account.username === 's1.gate');
      assert.deepEqual(gate.roles.map((r: { role: string }) => r.role), ['gatekeeper']);

      const all = (await admin.get('/api/v1/people?pageSize=500')).json();
      assert.equal(all.total, 4 + 3 * 2 + 4 * 9);
      const subtree = (await admin.get(`/api/v1/people?unitId=${cs1}&subtree=true&pageSize=500`)).json();
      assert.equal(subtree.total, 3 + 4 * 5);
      const search = (await admin.get('/api/v1/people?q=s2.head')).json();
      assert.deepEqual(search.items.map((p: { homeUnitName: string }) => p.homeUnitName).sort(), ['城关镇第二小学', '青山县石桥镇中心学校']);
    });

    it('a person in a sibling school is not found, and cannot be changed', async () => {
      const other = (await admin.get(`/api/v1/people?unitId=${s2}`)).json().items[0];
      assert.equal((await s1Safety.get(`/api/v1/people/${other.id}`)).statusCode, 404);
      const res = await s1Safety.patch(`/api/v1/people/${other.id}`, { name: '别人' });
      assert.equal(res.statusCode, 404);
      assert.equal((await admin.get(`/api/v1/people/${other.id}`)).json().name, other.name);
      assert.equal((await s1Safety.get(`/api/v1/people?unitId=${s2}`)).statusCode, 404);
    });

    it('registers a person with roles; the safety officer cannot create accounts', async () => {
      const created = await s1Safety.post('/api/v1/people', {
        homeUnitId: s1, name: '新老师', phone: '138 0000 0000', roles: [{ unitId: s1, role: 'class_teacher' }],
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().account, null);
      const before = await peopleCount();
      const withAccount = await s1Safety.post('/api/v1/people', {
        homeUnitId: s1, name: '又一位', account: { username: 'yi.wei', password: 'long-enough-1' },
      });
      assert.equal(withAccount.statusCode, 403);
      assert.equal(await peopleCount(), before);
    });

    it('a duplicate username is a clear conflict and stores nothing', async () => {
      const before = await peopleCount();
      const res = await admin.post('/api/v1/people', {
        homeUnitId: s1, name: '重名者', roles: [{ unitId: s1, role: 'staff' }], account: { username: 'S1.Safety', password: 'long-enough-1' },
      }, { 'accept-language': 'en' });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().errors[0].field, 'account.username');
      assert.match(res.json().errors[0].message, /"s1\.safety" is already taken/);
      assert.equal(await peopleCount(), before);
      const orphanRoles = await t.c.db.selectFrom('memberships').select('id').where('role', '=', 'staff').where('unit_id', '=', s1).execute();
      assert.equal(orphanRoles.length, 0);
    });

    it('an administrator gives an account, resets a password, and the person signs in with it', async () => {
      const person = (await admin.post('/api/v1/people', { homeUnitId: s1, name: '门卫乙', roles: [{ unitId: s1, role: 'gatekeeper' }] })).json();
      const withAccount = await admin.post(`/api/v1/people/${person.id}/account`, { username: 'gate.b', password: 'first-password-1' });
      assert.equal(withAccount.statusCode, 200, withAccount.body);
      assert.equal(withAccount.json().account.mustChangePassword, true);
      const together = await admin.post('/api/v1/people', { homeUnitId: s1, name: '门卫丙', account: { username: 'gate.c', password: 'chosen-by-admin' } });
      assert.equal(together.json().account.mustChangePassword, true, 'a password someone else chose is replaced at first sign-in');
      const signedIn = await t.signIn('gate.b', 'first-password-1');
      assert.equal(signedIn.me.scopes[0]!.unitId, s1);

      const reset = await admin.post(`/api/v1/people/${person.id}/password`, { password: 'second-password-2' });
      assert.equal(reset.statusCode, 204);
      assert.equal((await signedIn.get('/api/v1/auth/me')).statusCode, 401, 'old sessions end on reset');
      await assert.rejects(t.signIn('gate.b', 'first-password-1'));
      await t.signIn('gate.b', 'second-password-2');
      assert.equal((await s1Safety.post(`/api/v1/people/${person.id}/password`, { password: 'third-password-3' })).statusCode, 403);
    });

    it('adds and removes roles within the subtree only; the last administrator stays', async () => {
      const person = (await s1Safety.post('/api/v1/people', { homeUnitId: s1, name: '值班员丙' })).json();
      const added = await s1Safety.post(`/api/v1/people/${person.id}/roles`, { unitId: s1, role: 'duty_staff' });
      assert.equal(added.statusCode, 200);
      const dup = await s1Safety.post(`/api/v1/people/${person.id}/roles`, { unitId: s1, role: 'duty_staff' });
      assert.equal(dup.statusCode, 409);
      assert.equal((await s1Safety.post(`/api/v1/people/${person.id}/roles`, { unitId: s2, role: 'staff' })).statusCode, 404);
      assert.equal((await s1Safety.post(`/api/v1/people/${person.id}/roles`, { unitId: s1, role: 'admin' })).statusCode, 403);
      const roleId = added.json().roles[0].id;
      const removed = await s1Safety.delete(`/api/v1/people/${person.id}/roles/${roleId}`);
      assert.deepEqual(removed.json().roles, []);

      const adminPerson = admin.me.personId;
      const adminRole = (await admin.get(`/api/v1/people/${adminPerson}`)).json().roles.find((r: { role: string }) => r.role === 'admin');
      const soAdmins = await t.c.db.selectFrom('memberships').select('id').where('role', '=', 'admin').execute();
      assert.equal(soAdmins.length, 2, 'the bureau admin and the street office head');
      await t.c.db.deleteFrom('memberships').where('role', '=', 'admin').where('person_id', '!=', adminPerson).execute();
      const last = await admin.delete(`/api/v1/people/${adminPerson}/roles/${adminRole.id}`);
      assert.equal(last.statusCode, 409);
    });

    it('rejects bad contacts by field name', async () => {
      const res = await admin.post('/api/v1/people', { homeUnitId: s1, name: '', phone: 'call me', email: 'not-mail' }, { 'accept-language': 'en' });
      assert.equal(res.statusCode, 400);
      const fields = Object.fromEntries(res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
      assert.equal(fields.name, 'name must not be empty');
      assert.match(fields.phone, /phone may contain only digits/);
      assert.equal(fields.email, 'e-mail is not a valid e-mail address');
    });
  });
}
