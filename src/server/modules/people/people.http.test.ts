import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { PAGE_SIZE_MAX } from '../../../common/limits.js';
import { newId } from '../../lib/ids.js';

const PROBLEM_JSON = /^application\/problem\+json/;
/** argon2id, version 19, with the OWASP minimum cost the server is set to (19 MiB, 2 passes). */
const ARGON2ID = /^\$argon2id\$v=19\$m=19456,p=1,t=2\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

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

    const peopleCount = async () =>
      (
        await t.c.db
          .selectFrom('people')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const countOf = async (table: 'units' | 'people' | 'memberships' | 'accounts' | 'audit_log') =>
      Number(
        (
          await t.c.db
            .selectFrom(table)
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const counts = async () => ({
      units: await countOf('units'),
      people: await countOf('people'),
      memberships: await countOf('memberships'),
      accounts: await countOf('accounts'),
      audit: await countOf('audit_log'),
    });
    const passwordHashOf = async (username: string) =>
      (
        await t.c.db
          .selectFrom('accounts')
          .select('password_hash')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).password_hash;
    /** The audit entries about one record, oldest first, with their JSON read back. */
    const trailOf = async (entityId: string) =>
      (await t.c.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute()).map(
        (e) => ({
          action: e.action,
          actor: e.actor_label,
          unitId: e.unit_id,
          before: JSON.parse(e.before_json ?? 'null'),
          after: JSON.parse(e.after_json ?? 'null'),
        }),
      );

    it('lists the people of a unit, with roles and accounts, and only those the actor may see', async () => {
      const mine = (await s1Safety.get('/api/v1/people?pageSize=100')).json();
      assert.equal(mine.total, 4);
      assert.ok(mine.items.every((p: { homeUnitId: string }) => p.homeUnitId === s1));
      const gate = mine.items.find((p: { account: { username: string } }) => p.account.username === 's1.gate');
      assert.deepEqual(
        gate.roles.map((r: { role: string }) => r.role),
        ['gatekeeper'],
      );

      const all = (await admin.get('/api/v1/people?pageSize=500')).json();
      assert.equal(all.total, 4 + 3 * 2 + 4 * 9);
      const subtree = (await admin.get(`/api/v1/people?unitId=${cs1}&subtree=true&pageSize=500`)).json();
      assert.equal(subtree.total, 3 + 4 * 5);
      const search = (await admin.get('/api/v1/people?q=s2.head')).json();
      assert.deepEqual(search.items.map((p: { homeUnitName: string }) => p.homeUnitName).sort(), [
        '城关镇第二小学',
        '青山县石桥镇中心学校',
      ]);
    });

    it('a person in a sibling school is not found, and cannot be changed', async () => {
      const other = (await admin.get(`/api/v1/people?unitId=${s2}`)).json().items[0];
      assert.equal((await s1Safety.get(`/api/v1/people/${other.id}`)).statusCode, 404);
      const res = await s1Safety.patch(`/api/v1/people/${other.id}`, { name: '别人' });
      assert.equal(res.statusCode, 404);
      assert.equal((await admin.get(`/api/v1/people/${other.id}`)).json().name, other.name);
      assert.equal((await s1Safety.get(`/api/v1/people?unitId=${s2}`)).statusCode, 404);
    });

    it('changing a person by a guessed id is a problem, and nothing changes', async () => {
      const guessed = newId();
      const before = await counts();
      for (const actor of [s1Safety, admin]) {
        const attempts = {
          patch: await actor.patch(`/api/v1/people/${guessed}`, { name: '猜的人' }),
          addRole: await actor.post(`/api/v1/people/${guessed}/roles`, { unitId: s1, role: 'staff' }),
          account: await actor.post(`/api/v1/people/${guessed}/account`, {
            username: 'guessed.one',
            password: 'long-enough-1',
          }),
          password: await actor.post(`/api/v1/people/${guessed}/password`, { password: 'long-enough-2' }),
          createUnder: await actor.post('/api/v1/people', { homeUnitId: guessed, name: '猜的人' }),
        };
        for (const [what, res] of Object.entries(attempts)) {
          assert.ok([403, 404].includes(res.statusCode), `${what}: ${res.statusCode} ${res.body}`);
          assert.match(res.headers['content-type'] as string, PROBLEM_JSON, what);
        }
        assert.equal(attempts.patch.statusCode, 404);
      }
      assert.deepEqual(await counts(), before);
      assert.equal(
        (await t.c.db.selectFrom('accounts').select('id').where('username', '=', 'guessed.one').execute()).length,
        0,
      );
    });

    it('registers a person with roles; the safety officer cannot create accounts', async () => {
      const created = await s1Safety.post('/api/v1/people', {
        homeUnitId: s1,
        name: '新老师',
        phone: '138 0000 0000',
        roles: [{ unitId: s1, role: 'class_teacher' }],
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().account, null);
      assert.deepEqual(await trailOf(created.json().id), [
        {
          action: 'person.create',
          actor: 's1.safety',
          unitId: s1,
          before: null,
          after: { name: '新老师', phone: '138 0000 0000', email: null, language: null, homeUnitId: s1 },
        },
        {
          action: 'role.add',
          actor: 's1.safety',
          unitId: s1,
          before: null,
          after: { unitId: s1, role: 'class_teacher', authority: 'safety_officer@unit', reason: null },
        },
      ]);
      const before = await peopleCount();
      const withAccount = await s1Safety.post('/api/v1/people', {
        homeUnitId: s1,
        name: '又一位',
        account: { username: 'yi.wei', password: 'long-enough-1' },
      });
      assert.equal(withAccount.statusCode, 403);
      assert.equal(await peopleCount(), before);
    });

    it('a duplicate username is a clear conflict and stores nothing', async () => {
      const before = await peopleCount();
      const res = await admin.post(
        '/api/v1/people',
        {
          homeUnitId: s1,
          name: '重名者',
          roles: [{ unitId: s1, role: 'staff' }],
          account: { username: 'S1.Safety', password: 'long-enough-1' },
        },
        { 'accept-language': 'en' },
      );
      assert.equal(res.statusCode, 409);
      assert.match(res.headers['content-type'] as string, PROBLEM_JSON);
      assert.equal(res.json().errors[0].field, 'account.username');
      assert.equal(
        res.json().errors[0].message,
        'username "s1.safety" is already taken',
        'the label once, then what is wrong',
      );
      assert.equal(await peopleCount(), before);
      const orphanRoles = await t.c.db
        .selectFrom('memberships')
        .select('id')
        .where('role', '=', 'staff')
        .where('unit_id', '=', s1)
        .execute();
      assert.equal(orphanRoles.length, 0);
      assert.equal((await t.c.db.selectFrom('people').select('id').where('name', '=', '重名者').execute()).length, 0);
      const noAccount = (await admin.post('/api/v1/people', { homeUnitId: s1, name: '无账号者' })).json();
      const stored = await counts();
      const viaAccount = await admin.post(
        `/api/v1/people/${noAccount.id}/account`,
        { username: ' S1.safety ', password: 'long-enough-1' },
        { 'accept-language': 'en' },
      );
      assert.equal(viaAccount.statusCode, 409, viaAccount.body);
      assert.match(viaAccount.headers['content-type'] as string, PROBLEM_JSON);
      assert.deepEqual(
        viaAccount.json().errors.map((e: { field: string }) => e.field),
        ['username'],
        'the field as this request names it',
      );
      assert.equal(viaAccount.json().errors[0].message, 'username "s1.safety" is already taken');
      assert.deepEqual(await counts(), stored);
      assert.equal((await admin.get(`/api/v1/people/${noAccount.id}`)).json().account, null);
    });

    it('an administrator gives an account, resets a password, and the person signs in with it', async () => {
      const person = (
        await admin.post('/api/v1/people', {
          homeUnitId: s1,
          name: '门卫乙',
          roles: [{ unitId: s1, role: 'gatekeeper' }],
        })
      ).json();
      const withAccount = await admin.post(`/api/v1/people/${person.id}/account`, {
        username: 'gate.b',
        password: 'first-password-1',
      });
      assert.equal(withAccount.statusCode, 200, withAccount.body);
      assert.equal(withAccount.json().account.mustChangePassword, true);
      const together = await admin.post('/api/v1/people', {
        homeUnitId: s1,
        name: '门卫丙',
        account: { username: 'gate.c', password: 'chosen-by-admin' },
      });
      assert.equal(
        together.json().account.mustChangePassword,
        true,
        'a password someone else chose is replaced at first sign-in',
      );
      const signedIn = await t.signIn('gate.b', 'first-password-1');
      assert.equal(signedIn.me.scopes[0]!.unitId, s1);
      const firstHash = await passwordHashOf('gate.b');
      assert.match(firstHash, ARGON2ID, 'passwords are stored as argon2id hashes');
      assert.ok(!firstHash.includes('first-password-1'));
      assert.match(await passwordHashOf('gate.c'), ARGON2ID);
      assert.match(await passwordHashOf('admin'), ARGON2ID, 'the sample accounts too');

      const reset = await admin.post(`/api/v1/people/${person.id}/password`, { password: 'second-password-2' });
      assert.equal(reset.statusCode, 204);
      const secondHash = await passwordHashOf('gate.b');
      assert.match(secondHash, ARGON2ID);
      assert.notEqual(secondHash, firstHash);
      const account = await t.c.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'gate.b')
        .executeTakeFirstOrThrow();
      assert.deepEqual(await trailOf(account.id), [
        {
          action: 'account.create',
          actor: 'admin',
          unitId: s1,
          before: null,
          after: { personId: person.id, username: 'gate.b' },
        },
        { action: 'account.reset-password', actor: 'admin', unitId: s1, before: null, after: null },
      ]);
      assert.ok(
        (
          await t.c.db.selectFrom('audit_log').select('before_json').where('entity_id', '=', account.id).execute()
        ).every((e) => !(e.before_json ?? '').includes('argon2')),
        'no hash in the trail',
      );
      assert.equal((await signedIn.get('/api/v1/auth/me')).statusCode, 401, 'old sessions end on reset');
      await assert.rejects(t.signIn('gate.b', 'first-password-1'));
      await t.signIn('gate.b', 'second-password-2');
      assert.equal(
        (await s1Safety.post(`/api/v1/people/${person.id}/password`, { password: 'third-password-3' })).statusCode,
        403,
      );
    });

    it('adds and removes roles within the subtree only; the last administrator stays', async () => {
      const person = (await s1Safety.post('/api/v1/people', { homeUnitId: s1, name: '值班员丙' })).json();
      const added = await s1Safety.post(`/api/v1/people/${person.id}/roles`, { unitId: s1, role: 'duty_staff' });
      assert.equal(added.statusCode, 200);
      const dup = await s1Safety.post(`/api/v1/people/${person.id}/roles`, { unitId: s1, role: 'duty_staff' });
      assert.equal(dup.statusCode, 409);
      assert.equal(
        (await s1Safety.post(`/api/v1/people/${person.id}/roles`, { unitId: s2, role: 'staff' })).statusCode,
        404,
      );
      assert.equal(
        (await s1Safety.post(`/api/v1/people/${person.id}/roles`, { unitId: s1, role: 'admin' })).statusCode,
        403,
      );
      const roleId = added.json().roles[0].id;
      const removed = await s1Safety.delete(`/api/v1/people/${person.id}/roles/${roleId}`);
      assert.deepEqual(removed.json().roles, []);
      assert.deepEqual(
        (await trailOf(person.id)).map(({ action, before, after }) => ({ action, before, after })),
        [
          {
            action: 'person.create',
            before: null,
            after: { name: '值班员丙', phone: null, email: null, language: null, homeUnitId: s1 },
          },
          {
            action: 'role.add',
            before: null,
            after: { unitId: s1, role: 'duty_staff', authority: 'safety_officer@unit', reason: null },
          },
          {
            action: 'role.remove',
            before: { unitId: s1, role: 'duty_staff' },
            after: { authority: 'safety_officer@unit', reason: null },
          },
        ],
        'refused role changes leave no entry',
      );

      const adminPerson = admin.me.personId;
      const adminRole = (await admin.get(`/api/v1/people/${adminPerson}`))
        .json()
        .roles.find((r: { role: string }) => r.role === 'admin');
      const soAdmins = await t.c.db.selectFrom('memberships').select('id').where('role', '=', 'admin').execute();
      assert.equal(soAdmins.length, 2, 'the bureau admin and the street office head');
      await t.c.db
        .deleteFrom('memberships')
        .where('role', '=', 'admin')
        .where('person_id', '!=', adminPerson)
        .execute();
      const last = await admin.delete(`/api/v1/people/${adminPerson}/roles/${adminRole.id}`);
      assert.equal(last.statusCode, 403, 'nobody removes their own role, the last administrator least of all');
      assert.equal(
        (await t.c.db.selectFrom('memberships').select('id').where('role', '=', 'admin').execute()).length,
        1,
      );
    });

    it('rejects bad contacts by field name, and stores nothing', async () => {
      const before = await counts();
      const res = await admin.post(
        '/api/v1/people',
        { homeUnitId: s1, name: '', phone: 'call me', email: 'not-mail' },
        { 'accept-language': 'en' },
      );
      assert.equal(res.statusCode, 400);
      assert.match(res.headers['content-type'] as string, PROBLEM_JSON);
      const fields = Object.fromEntries(
        res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      );
      assert.equal(fields.name, 'name must not be empty');
      assert.match(fields.phone, /phone may contain only digits/);
      assert.equal(fields.email, 'e-mail is not a valid e-mail address');

      const someone = (await admin.get(`/api/v1/people?unitId=${s1}`)).json().items[0];
      const edit = await admin.patch(
        `/api/v1/people/${someone.id}`,
        { phone: '电话', email: '@@' },
        { 'accept-language': 'en' },
      );
      assert.equal(edit.statusCode, 400);
      assert.match(edit.headers['content-type'] as string, PROBLEM_JSON);
      assert.deepEqual(
        edit
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['email', 'phone'],
      );
      assert.deepEqual(await counts(), before);
      const after = (await admin.get(`/api/v1/people/${someone.id}`)).json();
      assert.deepEqual([after.phone, after.email, after.updatedAt], [someone.phone, someone.email, someone.updatedAt]);
    });

    it('a change to a person is audited with the fields before and after', async () => {
      const person = (
        await admin.post('/api/v1/people', { homeUnitId: s1, name: '保安丁', phone: '139 1111 2222' })
      ).json();
      const edited = await admin.patch(`/api/v1/people/${person.id}`, { name: '保安丁二', email: 'ding@example.cn' });
      assert.equal(edited.statusCode, 200, edited.body);
      const update = (await trailOf(person.id)).find((e) => e.action === 'person.update')!;
      assert.deepEqual(update, {
        action: 'person.update',
        actor: 'admin',
        unitId: s1,
        before: { name: '保安丁', phone: '139 1111 2222', email: null, language: null, homeUnitId: s1 },
        after: { name: '保安丁二', phone: '139 1111 2222', email: 'ding@example.cn', language: null, homeUnitId: s1 },
      });
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true);
    });

    it('pages through people: page 2 follows page 1, and too large a page is refused by name', async () => {
      const all = (await admin.get(`/api/v1/people?pageSize=${PAGE_SIZE_MAX}`)).json();
      assert.ok(all.total > 10);
      const one = (await admin.get('/api/v1/people?page=1&pageSize=4')).json();
      const two = (await admin.get('/api/v1/people?page=2&pageSize=4')).json();
      assert.deepEqual(
        { page: two.page, pageSize: two.pageSize, total: two.total },
        { page: 2, pageSize: 4, total: all.total },
      );
      assert.equal(one.total, all.total);
      assert.equal(one.items.length, 4);
      assert.equal(two.items.length, 4);
      const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);
      assert.equal(new Set([...ids(one), ...ids(two)]).size, 8, 'nobody is on both pages');
      assert.deepEqual(
        [...ids(one), ...ids(two)],
        ids(all).slice(0, 8),
        'the pages are consecutive slices of one order',
      );
      const mine = (await s1Safety.get('/api/v1/people?page=2&pageSize=3')).json();
      const mineAll = (await s1Safety.get('/api/v1/people?pageSize=100')).json();
      assert.equal(mine.total, mineAll.total, 'the total counts only what the actor may see');
      assert.deepEqual(ids(mine), ids(mineAll).slice(3, 6));

      const tooBig = await admin.get(`/api/v1/people?pageSize=${PAGE_SIZE_MAX + 1}`, { 'accept-language': 'en' });
      assert.equal(tooBig.statusCode, 400);
      assert.match(tooBig.headers['content-type'] as string, PROBLEM_JSON);
      assert.deepEqual(
        tooBig.json().errors.map((e: { field: string }) => e.field),
        ['pageSize'],
      );
      assert.match(tooBig.json().errors[0].message, new RegExp(`must be at most ${PAGE_SIZE_MAX}`));
    });
  });
}
