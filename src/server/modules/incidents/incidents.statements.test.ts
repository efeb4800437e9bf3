import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { StatementCounter } from '../../../../test/helpers/statements.js';

/**
 * What one incident report costs in SQL statements (issue #15), counted, not timed: the chain's
 * start, its first message, the staged reports' duties and the answer with the whole incident.
 * Before the write path was trimmed it ran 43 (BEGIN and COMMIT not counted), now 27: the plan in
 * force and the unit read once, the steps, deadlines and duties written a statement per table, and
 * the answer built from what the report wrote where it knows it.
 */
const REPORT_BUDGET = 27;

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
  });
}
