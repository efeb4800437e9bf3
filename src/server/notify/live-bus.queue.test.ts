import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dialectsUnderTest, TEST_PG_URL } from '../../../test/helpers/dialects.js';
import { LiveBus, type LiveEvent } from './live-bus.js';

/*
 * Its own file, so its own process: pg warns of a query on a busy client once per process, and
 * an earlier test in the same process could have used that one warning up.
 */
if (dialectsUnderTest().includes('postgres')) {
  describe('the live bus on PostgreSQL', () => {
    it('sends a burst of events one NOTIFY at a time: every event arrives and pg warns of nothing', async () => {
      const warnings: string[] = [];
      const onWarning = (warning: Error) => warnings.push(warning.message);
      process.on('warning', onWarning);
      const bus = new LiveBus({ url: TEST_PG_URL });
      await bus.start();
      try {
        const heard: LiveEvent[] = [];
        const all = new Promise<void>((resolve) => {
          bus.subscribe((batch) => {
            if (batch.resync) return;
            heard.push(...batch.events.map((stamped) => stamped.event));
            if (heard.length === 25) resolve();
          });
        });
        const burst = Array.from({ length: 25 }, (_, i) => ({ kind: 'notification' as const, personId: `p${i}` }));
        for (const event of burst) bus.publish(event);
        await all;
        assert.deepEqual(
          heard.map((e) => (e as { personId: string }).personId),
          burst.map((e) => e.personId),
          'in order',
        );
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepEqual(
          warnings.filter((w) => /already executing a query/.test(w)),
          [],
        );
      } finally {
        process.off('warning', onWarning);
        await bus.stop();
      }
    });
  });
}
