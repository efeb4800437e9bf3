import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { startHttpReceiver, type HttpReceiver } from '../../../test/receivers/http-receiver.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../../test/receivers/smtp-receiver.js';
import { FakeClock } from '../lib/clock.js';
import { createChannels } from './channels/index.js';
import { IN_APP_ONLY } from './delivery-worker.js';

const T0 = new Date('2027-05-10T02:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`deliveries: retries, failover and rate limits (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let smtp: SmtpReceiver;
    let http: HttpReceiver;
    let teacher: Client;
    let s3: string;

    before(async () => {
      smtp = await startSmtpReceiver();
      http = await startHttpReceiver({ now: () => clock.now().getTime() });
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, {
        demo: true,
        clock,
        channels: createChannels({ smtp: { url: smtp.url, from: 'steady@test' }, timeoutMs: 2000 }),
      });
      s3 = await unitIdByName(t, '城关镇初级中学');
      teacher = await t.signIn('s3.teacher1');
      const admin = await t.signIn('admin');
      const head = (await admin.get(`/api/v1/people?q=s3.head`)).json().items[0];
      const set = await admin.inject({
        method: 'PUT',
        url: `/api/v1/people/${head.id}/contacts`,
        payload: {
          methods: [
            { channel: 'email', to: 'head@s3.example' },
            { channel: 'dingtalk', url: http.urls.dingtalk, secret: http.secrets.dingtalk! },
          ],
        },
      });
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual(
        set.json().map((m: { channel: string; signed: boolean }) => [m.channel, m.signed]),
        [
          ['email', false],
          ['dingtalk', true],
        ],
      );
      assert.ok(!set.body.includes(http.secrets.dingtalk!), 'secrets never leave the server');
    });
    after(async () => {
      await t.close();
      await smtp.close();
      await http.close();
    });

    const report = async () =>
      (
        await teacher.post('/api/v1/incidents', {
          unitId: s3,
          type: 'injury',
          severity: 4,
          place: '操场',
          description: '学生踢球摔伤',
        })
      ).json();
    const deliveriesFor = (incidentId: string) =>
      t.c.db
        .selectFrom('deliveries')
        .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
        .select(['deliveries.id', 'deliveries.channel', 'deliveries.state', 'deliveries.attempts'])
        .where('notifications.incident_id', '=', incidentId)
        .where('deliveries.channel', '!=', IN_APP_ONLY)
        .orderBy('deliveries.created_at')
        .execute();
    const advance = async (ms: number) => {
      clock.advance(ms);
      await t.c.deliveries.tick();
    };

    it('sends by the first method; the receiver sees the delivery id', async () => {
      const incident = await report();
      await t.c.deliveries.tick();
      const [delivery] = await deliveriesFor(incident.id);
      assert.equal(delivery!.state, 'sent');
      const mail = smtp.messages.find((m) => m.deliveryId === delivery!.id);
      assert.ok(mail, 'the e-mail arrived');
      const seen = (await teacher.get(`/api/v1/incidents/${incident.id}`)).json();
      assert.deepEqual(
        seen.steps[0].recipients.map((r: { reached: { channel: string; state: string } }) => [
          r.reached.channel,
          r.reached.state,
        ]),
        [['email', 'sent']],
        'the incident page says how the head was reached',
      );
      assert.match(mail!.subject ?? '', /城关镇初级中学/);
    });

    it('a channel that is down is retried with backoff, then hands over to the next method', async () => {
      smtp.rejectNext(4, { code: 451 });
      const incident = await report();
      await t.c.deliveries.tick();
      assert.deepEqual(
        (await deliveriesFor(incident.id)).map((d) => [d.state, d.attempts]),
        [['pending', 1]],
      );
      await advance(10_000);
      assert.equal((await deliveriesFor(incident.id))[0]!.attempts, 1, 'not before the backoff');
      await advance(30_000);
      await advance(60_000);
      await advance(120_000);
      const rows = await deliveriesFor(incident.id);
      assert.deepEqual(
        rows.map((d) => [d.channel, d.state, d.attempts]),
        [
          ['email', 'failed', 4],
          ['dingtalk', 'sent', 1],
        ],
      );
      const seen = (await teacher.get(`/api/v1/incidents/${incident.id}`)).json();
      assert.deepEqual(
        seen.steps[0].recipients.map((r: { reached: { channel: string; state: string } }) => [
          r.reached.channel,
          r.reached.state,
        ]),
        [['dingtalk', 'sent']],
        'reached by the method that worked',
      );
      assert.ok(
        http.received.some((m) => m.channel === 'dingtalk' && m.deliveryId === rows[1]!.id),
        'the robot accepted the signed message',
      );
    });

    it('someone with no contact method still has a delivery record: reached in the app only', async () => {
      const s1 = await unitIdByName(t, '城关镇第一小学');
      const s1Teacher = await t.signIn('s1.teacher1');
      const incident = (
        await s1Teacher.post('/api/v1/incidents', {
          unitId: s1,
          type: 'injury',
          severity: 4,
          place: '走廊',
          description: '学生滑倒',
        })
      ).json();
      const told = await t.c.db
        .selectFrom('notifications')
        .leftJoin('deliveries', 'deliveries.notification_id', 'notifications.id')
        .select(['notifications.person_id', 'deliveries.channel', 'deliveries.state', 'deliveries.sent_at'])
        .where('notifications.incident_id', '=', incident.id)
        .execute();
      assert.ok(told.length >= 1, 'the school’s head was told');
      assert.deepEqual(
        told.map((row) => [row.channel, row.state]),
        told.map(() => [IN_APP_ONLY, 'sent']),
      );
      assert.ok(
        told.every((row) => row.sent_at),
        'with the time it reached the inbox',
      );
      const seen = (await s1Teacher.get(`/api/v1/incidents/${incident.id}`)).json();
      assert.equal(
        seen.steps[0].recipients[0].reached.channel,
        IN_APP_ONLY,
        'the page says they were told in the app only',
      );
      const before = smtp.messages.length + http.received.length;
      await t.c.deliveries.tick();
      assert.equal(smtp.messages.length + http.received.length, before, 'nothing goes on the wire for them');
    });

    const whenEveryMethodDown =
      'when every method is down, a new round starts from the first after a pause, until a day has passed';
    it(whenEveryMethodDown, async () => {
      clock.advance(10 * 60_000);
      smtp.rejectNext(4, { code: 451 });
      http.failNext('dingtalk', 4, 500);
      const incident = await report();
      await t.c.deliveries.tick();
      for (const wait of [30_000, 60_000, 120_000, 0, 30_000, 60_000, 120_000]) await advance(wait);
      let rows = await deliveriesFor(incident.id);
      assert.deepEqual(
        rows.map((d) => [d.channel, d.state]),
        [
          ['email', 'failed'],
          ['dingtalk', 'failed'],
          ['email', 'pending'],
        ],
        'a new round is queued, not given up',
      );
      const seen = (await teacher.get(`/api/v1/incidents/${incident.id}`)).json();
      assert.deepEqual(seen.steps[0].recipients[0].reached.state, 'sending', 'still being tried');
      await advance(5 * 60_000);
      rows = await deliveriesFor(incident.id);
      assert.deepEqual(
        rows.map((d) => [d.channel, d.state]),
        [
          ['email', 'failed'],
          ['dingtalk', 'failed'],
          ['email', 'sent'],
        ],
      );
      assert.ok(
        smtp.messages.some((m) => m.deliveryId === rows[2]!.id),
        'the e-mail arrived on the second round',
      );
    });

    it('a permanent refusal hands over at once; with no method left the delivery is dead, not lost', async () => {
      smtp.rejectNext(1, { code: 550 });
      http.failNext('dingtalk', 1, 'refusal');
      const incident = await report();
      await t.c.deliveries.tick();
      await t.c.deliveries.tick();
      const rows = await deliveriesFor(incident.id);
      assert.deepEqual(
        rows.map((d) => [d.channel, d.state]),
        [
          ['email', 'failed'],
          ['dingtalk', 'dead'],
        ],
      );
      const inbox = await t.c.db
        .selectFrom('notifications')
        .select('id')
        .where('incident_id', '=', incident.id)
        .execute();
      assert.equal(inbox.length, 1, 'the in-app notification is there whatever the channels did');
    });

    it('a burst of alerts to one person is never held by the per-person limit, and every message arrives', async () => {
      clock.advance(10 * 60_000);
      const before = smtp.messages.length;
      const ids = [];
      for (let i = 0; i < 9; i++) ids.push((await report()).id);
      await t.c.deliveries.tick();
      assert.equal(
        smtp.messages.length - before,
        9,
        'alerts go at once, past the limit of six a minute that holds routine messages',
      );
      const states = (await Promise.all(ids.map(deliveriesFor))).flat().map((d) => d.state);
      assert.deepEqual([...new Set(states)], ['sent']);
    });

    it('a delivery whose sender died mid-send is tried again when its lease lapses', async () => {
      clock.advance(10 * 60_000);
      const incident = await report();
      const [row] = await deliveriesFor(incident.id);
      await t.c.db
        .updateTable('deliveries')
        .set({ state: 'sending', lease_until: new Date(clock.now().getTime() + 60_000).toISOString() })
        .where('id', '=', row!.id)
        .execute();
      await t.c.deliveries.tick();
      assert.equal((await deliveriesFor(incident.id))[0]!.state, 'sending');
      await advance(61_000);
      assert.equal((await deliveriesFor(incident.id))[0]!.state, 'sent');
      assert.equal(smtp.messages.filter((m) => m.deliveryId === row!.id).length, 1);
    });

    it('bad contact methods are refused by field', async () => {
      const admin = await t.signIn('admin');
      const head = (await admin.get(`/api/v1/people?q=s3.head`)).json().items[0];
      const res = await admin.inject({
        method: 'PUT',
        url: `/api/v1/people/${head.id}/contacts`,
        payload: {
          methods: [
            { channel: 'email', to: 'nope' },
            { channel: 'pager', number: 1 },
          ],
        },
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        ['methods.0.to', 'methods.1.channel'],
      );
      assert.equal((await admin.get(`/api/v1/people/${head.id}/contacts`)).json().length, 2, 'unchanged');
    });

    it('saved methods are reordered by position, without sending the robot’s secret again', async () => {
      const admin = await t.signIn('admin');
      const head = (await admin.get(`/api/v1/people?q=s3.head`)).json().items[0];
      const url = `/api/v1/people/${head.id}/contacts`;
      const refused = await admin.inject({
        method: 'PUT',
        url,
        payload: { methods: [{ keep: 1 }, { keep: 1 }, { keep: 4 }] },
        headers: { 'accept-language': 'en' },
      });
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(
        refused.json().errors.map((e: { field: string }) => e.field),
        ['methods.1.keep', 'methods.2.keep'],
      );
      assert.deepEqual(
        (await admin.get(url)).json().map((m: { channel: string }) => m.channel),
        ['email', 'dingtalk'],
        'unchanged',
      );
      const swapped = await admin.inject({
        method: 'PUT',
        url,
        payload: { methods: [{ keep: 2 }, { channel: 'email', to: 'head2@s3.example' }] },
      });
      assert.equal(swapped.statusCode, 200, swapped.body);
      assert.deepEqual(
        swapped
          .json()
          .map((m: { position: number; channel: string; target: string; signed: boolean }) => [
            m.position,
            m.channel,
            m.target,
            m.signed,
          ]),
        [
          [1, 'dingtalk', new URL(http.urls.dingtalk).host, true],
          [2, 'email', 'head2@s3.example', false],
        ],
      );
      // The kept robot still signs with its secret: a message to it is accepted by the receiver.
      clock.advance(10 * 60_000);
      const incident = await report();
      await t.c.deliveries.tick();
      const [delivery] = await deliveriesFor(incident.id);
      assert.deepEqual([delivery!.channel, delivery!.state], ['dingtalk', 'sent']);
      assert.ok(
        http.received.some((m) => m.channel === 'dingtalk' && m.deliveryId === delivery!.id),
        'signed correctly',
      );
    });
  });
}
