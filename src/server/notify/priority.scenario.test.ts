import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { unitIdByName, type Client, type TestApp } from '../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { configureVendors, personIdOf, setContacts, startReachApp } from '../../../test/helpers/reach.js';
import type { VendorReceiver } from '../../../test/receivers/vendor-receiver.js';
import { transactionWithHooks } from '../db/database.js';
import type { FakeClock } from '../lib/clock.js';

/*
 * Priority: alerts are never held behind routine messages by the per-person limit, and routine
 * messages to one person within a minute go as one digest. The burst from the issue: 20 incidents
 * in 20 s at one kindergarten, with reminders to the same head in between.
 */
const T0 = new Date('2027-09-01T01:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`priority and digests under a burst (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let v: VendorReceiver;
    let teacher: Client;
    let k1: string;
    let head: string;
    let close: () => Promise<void>;

    before(async () => {
      ({ t, clock, v, close } = await startReachApp(dialect, T0));
      const admin = await t.signIn('admin');
      teacher = await t.signIn('k1.teacher1');
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      head = await personIdOf(t, 'k1.head');
      await configureVendors(admin, v, ['aliyun_sms']);
      await setContacts(admin, head, [{ channel: 'sms', mobile: '13800138000' }]);
    });
    after(() => close());

    const remind = (n: number) =>
      transactionWithHooks(t.c.db, (tx, afterCommit) =>
        t.c.notifier.tell(
          tx,
          afterCommit,
          [head],
          {
            kind: 'daily_report.reminder',
            title: `提醒 ${n}：今日报告 15:00 截止`,
            body: '请按时报送今日报告。',
            link: '/daily-reports',
            locale: 'zh-CN',
          },
          clock.now(),
        ),
      );

    const incidentsEveryFirstAlert =
      '20 incidents in 20 s: every first alert to the head arrives ' +
      'within 60 s; the reminders in between arrive later, merged';
    it(incidentsEveryFirstAlert, async () => {
      const reported: { id: string; at: number }[] = [];
      for (let second = 0; second < 20; second += 1) {
        clock.set(new Date(T0.getTime() + second * 1000));
        const res = await teacher.post('/api/v1/incidents', {
          unitId: k1,
          type: 'injury',
          severity: 4,
          place: `教室 ${second + 1}`,
          description: `第 ${second + 1} 起`,
        });
        assert.equal(res.statusCode, 201, res.body);
        reported.push({ id: res.json().id, at: clock.now().getTime() });
        if (second % 2 === 0) await remind(second);
        await t.c.deliveries.tick();
      }
      for (let s = 20; s <= 180; s += 1) {
        clock.set(new Date(T0.getTime() + s * 1000));
        await t.c.deliveries.tick();
      }
      const alerts = v.received.filter((m) => m.vendor === 'aliyun_sms' && m.params.reply === '1');
      assert.equal(alerts.length, 20, 'one alert per incident');
      const delays = alerts.map((m) => m.at - T0.getTime()).map((at, i) => at - (reported[i]!.at - T0.getTime()));
      assert.ok(Math.max(...delays) <= 60_000, `slowest first alert ${Math.max(...delays)} ms`);
      const digests = v.received.filter((m) => m.vendor === 'aliyun_sms' && m.params.title !== undefined);
      assert.ok(digests.length >= 1 && digests.length <= 3, `${digests.length} routine messages for 10 reminders`);
      assert.ok(
        digests.some((m) => /条提醒/.test(m.params.title!)),
        'merged into a digest',
      );
      const merged = await t.c.db
        .selectFrom('deliveries')
        .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
        .select(['deliveries.state', 'deliveries.merged_into'])
        .where('notifications.kind', '=', 'daily_report.reminder')
        .execute();
      assert.equal(merged.length, 10);
      assert.ok(
        merged.every((d) => d.state === 'sent' || (d.state === 'merged' && d.merged_into)),
        'every reminder went, alone or in a digest',
      );
      const lastAlert = Math.max(...alerts.map((m) => m.at));
      assert.ok(
        digests.at(-1)!.at >= Math.min(...alerts.map((m) => m.at)),
        'routine messages do not go ahead of the alerts',
      );
      assert.ok(lastAlert - T0.getTime() <= 80_000);
    });

    it('routine messages to one person within a minute are one digest; the next minute starts afresh', async () => {
      clock.set(new Date(T0.getTime() + 60 * 60_000));
      const before = v.received.length;
      await remind(101);
      await t.c.deliveries.tick();
      await remind(102);
      await remind(103);
      await t.c.deliveries.tick();
      assert.equal(v.received.length - before, 1, 'the first goes at once, the others wait for the minute');
      clock.set(new Date(T0.getTime() + 61 * 60_000 + 1000));
      await t.c.deliveries.tick();
      const sent = v.received.slice(before);
      assert.equal(sent.length, 2);
      assert.equal(
        sent[1]!.params.title,
        'Steady 2 条提醒',
        'one digest of the two (an SMS variable may not hold 【】)',
      );
    });
  });
}
