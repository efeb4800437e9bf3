import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { StatementCounter } from '../../../../test/helpers/statements.js';

/**
 * What one incident report costs in SQL statements (issue #15), counted, not timed: the chain's
 * start, its first message, the staged reports' duties and the answer with the whole incident.
 * Before the write path was trimmed it ran 43 (BEGIN and COMMIT not counted), then 27: the plan in
 * force and the unit read once, the steps, deadlines and duties written a statement per table, and
 * the answer built from what the report wrote where it knows it; now 26, the first step inserted
 * already active rather than inserted and then updated.
 */
const REPORT_BUDGET = 26;

for (const dialect of dialectsUnderTest()) {
  describe(`an incident report's SQL statements (${dialect})`, () => {
    const counter = new StatementCounter();
    let t: TestApp;
    let admin: Client;
    let s1: string;

    before(async () => {
      t = await createTestApp(dialect, { demo: true, plugins: [counter] });
      admin = await t.signIn('admin');
      s1 = await unitIdByName(t, '城关镇第一小学');
    });
    after(() => t.close());

    const report = (n: number, extra: Record<string, unknown> = {}) =>
      counter.during(() =>
        admin.post('/api/v1/incidents', {
          unitId: s1,
          type: 'injury',
          severity: 4,
          place: `操场 ${n}`,
          description: `学生摔倒 ${n}`,
          ...extra,
        }),
      );

    it(`a report at a school runs at most ${REPORT_BUDGET} statements and answers with the chain started`, async () => {
      // The third report, as the benchmark counted it (the first two are no cheaper or dearer).
      await report(1);
      await report(2);
      const { result, statements } = await report(3);
      assert.equal(result.statusCode, 201, result.body);
      const incident = result.json();
      assert.equal(incident.steps[0].state, 'active');
      assert.ok(incident.steps[0].recipients.length > 0);
      assert.deepEqual(
        incident.events.map((e: { kind: string }) => e.kind),
        ['reported', 'step.activated'],
      );
      assert.ok(
        statements.length <= REPORT_BUDGET,
        `${statements.length} statements, over the budget of ${REPORT_BUDGET}:\n${statements.join('\n')}`,
      );
    });

    it('the answer to a report is the incident exactly as reading it back shows it', async () => {
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
      for (const extra of [{}, { occurredAt: twoHoursAgo }, { drill: true }, { severity: 1, type: 'fire' }]) {
        const { result } = await report(4, extra);
        assert.equal(result.statusCode, 201, result.body);
        const answered = result.json();
        const read = await admin.get(`/api/v1/incidents/${answered.id}`);
        assert.equal(read.statusCode, 200);
        assert.deepEqual(answered, read.json(), JSON.stringify(extra));
        if ('occurredAt' in extra)
          assert.deepEqual(
            answered.flags.map((f: { kind: string }) => f.kind),
            ['concealed'],
          );
      }
    });

    it('telling three heads costs what telling one does: messages, links and deliveries go in batches', async () => {
      const one = await report(5);
      assert.equal(one.result.json().steps[0].recipients.length, 1);
      const staff = await t.c.db
        .selectFrom('memberships')
        .select(['person_id', 'role'])
        .where('unit_id', '=', s1)
        .execute();
      const heads = new Set(staff.filter((m) => m.role === 'accountable_head').map((m) => m.person_id));
      const others = [...new Set(staff.map((m) => m.person_id))].filter((id) => !heads.has(id)).slice(0, 2);
      assert.equal(others.length, 2);
      const now = new Date().toISOString();
      await t.c.db
        .insertInto('memberships')
        .values(
          others.map((person_id, i) => ({
            id: `statements-head-${i}`,
            person_id,
            unit_id: s1,
            role: 'accountable_head' as const,
            created_at: now,
          })),
        )
        .execute();
      const three = await report(6);
      assert.equal(three.result.statusCode, 201, three.result.body);
      const told = three.result.json().steps[0].recipients.map((r: { personId: string }) => r.personId);
      assert.equal(told.length, 3);
      for (const id of others) assert.ok(told.includes(id));
      assert.equal(three.statements.length, one.statements.length, three.statements.join('\n'));
      const links = await t.c.db
        .selectFrom('ack_links')
        .select(['person_id', 'reply_code'])
        .where('step_id', '=', three.result.json().steps[0].id)
        .execute();
      assert.equal(links.length, 3);
    });
  });
}
