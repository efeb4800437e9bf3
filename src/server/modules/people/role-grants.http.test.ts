import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import type { Role } from '../../../common/org.js';

for (const dialect of dialectsUnderTest()) {
  describe(`who may grant which role (${dialect})`, () => {
    let t: TestApp;
    let s1: string;
    let ids: Record<string, string>;
    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      s1 = await unitIdByName(t, '城关镇第一小学');
      const rows = await t.c.db.selectFrom('accounts').select(['username', 'person_id']).execute();
      ids = Object.fromEntries(rows.map((r) => [r.username, r.person_id]));
    });
    after(() => t.close());

    const roles = async (personId: string) =>
      (
        await t.c.db
          .selectFrom('memberships')
          .select(['unit_id', 'role'])
          .where('person_id', '=', personId)
          .orderBy('role')
          .execute()
      ).map((m) => `${m.role}@${m.unit_id === s1 ? 's1' : m.unit_id}`);
    const membership = async (personId: string, role: Role) =>
      (
        await t.c.db
          .selectFrom('memberships')
          .select('id')
          .where('person_id', '=', personId)
          .where('role', '=', role)
          .where('unit_id', '=', s1)
          .executeTakeFirstOrThrow()
      ).id;
    const grant = (who: Client, person: string, role: string, reason?: string) =>
      who.post(
        `/api/v1/people/${ids[person]}/roles`,
        { unitId: s1, role, ...(reason ? { reason } : {}) },
        { 'accept-language': 'en' },
      );

    const safetyOfficerCannotMake =
      'a safety officer cannot make themselves, or anyone, accountable head; a supervisor cannot make themselves one';
    it(safetyOfficerCannotMake, async () => {
      const safety = await t.signIn('s1.safety');
      const before = await roles(ids['s1.safety']!);
      const self = await grant(safety, 's1.safety', 'accountable_head');
      assert.equal(self.statusCode, 403, self.body);
      assert.deepEqual(self.json().errors, [
        {
          field: 'role',
          message: 'role you may not grant or remove this role: nobody grants or removes their own roles',
        },
      ]);
      const other = await grant(safety, 's1.gate', 'accountable_head');
      assert.equal(other.statusCode, 403);
      assert.match(other.json().errors[0].message, /appointed only by a unit above or an administrator/);
      assert.equal((await grant(safety, 's1.gate', 'safety_officer')).statusCode, 403, 'nor a safety officer');
      assert.deepEqual(await roles(ids['s1.safety']!), before);
      const supervisor = await t.signIn('bureau.safety');
      assert.equal(
        (
          await supervisor.post(`/api/v1/people/${ids['bureau.safety']}/roles`, {
            unitId: s1,
            role: 'accountable_head',
          })
        ).statusCode,
        403,
      );
      assert.equal(
        (
          await t.c.db
            .selectFrom('memberships')
            .select('id')
            .where('role', '=', 'accountable_head')
            .where('unit_id', '=', s1)
            .execute()
        ).length,
        1,
      );
    });

    const safetyOfficerGivesOperational =
      'a safety officer gives operational roles; the head of a unit above ' +
      'appoints a head, audited with who and why, and both are told';
    it(safetyOfficerGivesOperational, async () => {
      const safety = await t.signIn('s1.safety');
      assert.equal((await grant(safety, 's1.gate', 'duty_staff')).statusCode, 200);
      const above = await t.signIn('cs1.head');
      const res = await grant(above, 's1.teacher1', 'accountable_head', '原校长调任，由教务主任接任');
      assert.equal(res.statusCode, 200, res.body);
      const entry = await t.c.db
        .selectFrom('audit_log')
        .select(['actor_label', 'after_json'])
        .where('action', '=', 'role.add')
        .where('entity_id', '=', ids['s1.teacher1']!)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(entry.actor_label, 'cs1.head');
      assert.deepEqual(JSON.parse(entry.after_json!), {
        unitId: s1,
        role: 'accountable_head',
        authority: 'accountable_head@above',
        reason: '原校长调任，由教务主任接任',
      });
      const told = await t.c.db
        .selectFrom('notifications')
        .select(['person_id', 'title', 'body'])
        .where('kind', '=', 'people.role-change')
        .where('title', 'like', '%第一责任人%')
        .execute();
      assert.deepEqual(
        new Set(told.map((n) => n.person_id)),
        new Set([ids['s1.teacher1'], ids['s1.head']]),
        'the person and the unit’s heads',
      );
      assert.ok(told.every((n) => n.body === '操作人：cs1.head；原因：原校长调任，由教务主任接任'));
    });

    it('the new head cannot remove the old one’s role, the unit above can, and the last head stays', async () => {
      const newHead = await t.signIn('s1.teacher1');
      const oldHeadRole = await membership(ids['s1.head']!, 'accountable_head');
      assert.equal((await newHead.delete(`/api/v1/people/${ids['s1.head']}/roles/${oldHeadRole}`)).statusCode, 403);
      const above = await t.signIn('cs1.head');
      const removed = await above.delete(
        `/api/v1/people/${ids['s1.head']}/roles/${oldHeadRole}?reason=${encodeURIComponent('调任')}`,
      );
      assert.equal(removed.statusCode, 200, removed.body);
      const lastRole = await membership(ids['s1.teacher1']!, 'accountable_head');
      const last = await above.delete(`/api/v1/people/${ids['s1.teacher1']}/roles/${lastRole}`, {
        'accept-language': 'en',
      });
      assert.equal(last.statusCode, 409);
      assert.match(last.json().title, /last accountable head cannot be removed/);
      assert.deepEqual(await roles(ids['s1.teacher1']!), ['accountable_head@s1', 'class_teacher@s1', 'duty_staff@s1']);
    });
  });
}
