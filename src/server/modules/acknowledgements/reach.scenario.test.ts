import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import {
  configureVendors,
  personIdOf,
  PUBLIC_URL,
  setContacts,
  startReachApp,
  tokenIn,
} from '../../../../test/helpers/reach.js';
import type { VendorReceiver } from '../../../../test/receivers/vendor-receiver.js';
import type { FakeClock } from '../../lib/clock.js';

/*
 * The head of a kindergarten, reached on the phone inside the deadline: SMS first (its vendor down),
 * the WeCom app second. Fast-forwarded with the engine's clock; the vendors are local fakes.
 */
const T0 = new Date('2027-06-01T18:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`reaching the head inside the deadline (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let v: VendorReceiver;
    let admin: Client;
    let teacher: Client;
    let k1: string;
    let head: string;
    let callbacks: Record<string, string>;
    let close: () => Promise<void>;

    before(async () => {
      ({ t, clock, v, close } = await startReachApp(dialect, T0));
      admin = await t.signIn('admin');
      teacher = await t.signIn('k1.teacher1');
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      head = await personIdOf(t, 'k1.head');
      callbacks = await configureVendors(admin, v, ['aliyun_sms', 'wecom_app']);
      v.appUsers.add('k1-head');
      await setContacts(admin, head, [
        { channel: 'sms', mobile: '138 0013 8000' },
        { channel: 'wecom_app', userId: 'k1-head' },
      ]);
    });
    after(() => close());

    const report = async (severity = 3) => {
      const res = await teacher.post('/api/v1/incidents', {
        unitId: k1,
        type: 'fire',
        severity,
        place: '厨房',
        description: '油锅起火，已扑灭',
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; steps: { id: string }[] };
    };
    const at = async (ms: number) => {
      clock.set(new Date(T0.getTime() + ms));
      await t.c.deliveries.tick();
    };
    const incident = async (id: string) => (await admin.get(`/api/v1/incidents/${id}`)).json();
    const deliveriesOf = (incidentId: string) =>
      t.c.db
        .selectFrom('deliveries')
        .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
        .select([
          'deliveries.channel',
          'deliveries.state',
          'deliveries.attempts',
          'deliveries.delivered_at',
          'deliveries.provider_id',
          'deliveries.vendor',
        ])
        .where('notifications.incident_id', '=', incidentId)
        .where('notifications.person_id', '=', head)
        .orderBy('deliveries.created_at')
        .execute();
    const ackEvents = async (id: string) =>
      (await incident(id)).events.filter((e: { kind: string }) => e.kind === 'step.acknowledged');
    let first: { id: string; steps: { id: string }[] };
    let token: string;

    const smsAnsweringWecomSecond =
      'SMS answering 503, WeCom second: the WeCom notice arrives within 30 s of the report, the SMS keeps retrying';
    it(smsAnsweringWecomSecond, async () => {
      v.failNext('aliyun_sms', 3, 503);
      clock.set(T0);
      first = await report();
      await at(0);
      assert.equal(v.received.filter((m) => m.vendor === 'wecom_app').length, 0, 'not before its moment');
      await at(29_000);
      assert.equal(v.received.filter((m) => m.vendor === 'wecom_app').length, 0);
      await at(30_000);
      const notice = v.received.find((m) => m.vendor === 'wecom_app' && m.to === 'k1-head');
      assert.ok(notice, 'the WeCom notice arrived');
      assert.ok(notice.at - T0.getTime() <= 30_000, `arrived ${notice.at - T0.getTime()} ms after the report`);
      const rows = await deliveriesOf(first.id);
      assert.deepEqual(
        rows.map((r) => [r.channel, r.state]),
        [
          ['sms', 'pending'],
          ['wecom_app', 'sent'],
        ],
        'in parallel: the SMS is still being retried',
      );
      assert.ok(rows[1]!.delivered_at, 'the app confirmed delivery');
      token = tokenIn(notice.text);
      assert.ok(
        notice.text.startsWith(`${PUBLIC_URL.replace('https://', '')}`) === false &&
          notice.text.includes(`${PUBLIC_URL}/a/${token}`),
      );
    });

    const headTapsLinkStep =
      'the head taps the link: the step is acknowledged without a session, and the timeline says it came by the link';
    it(headTapsLinkStep, async () => {
      const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/ack/${token}` });
      assert.equal(page.statusCode, 200, page.body);
      assert.equal(page.json().state, 'open');
      assert.ok(!page.body.includes('k1.head') && !page.body.includes('13800138000'), 'nothing personal on the page');
      clock.set(new Date(T0.getTime() + 95_000));
      const tapped = await t.app.inject({ method: 'POST', url: `/api/v1/public/ack/${token}` });
      assert.equal(tapped.statusCode, 200, tapped.body);
      assert.deepEqual([tapped.json().state, tapped.json().via], ['acknowledged', 'link']);
      const now = await incident(first.id);
      assert.equal(now.steps[0].state, 'done');
      assert.equal(now.status, 'acknowledged');
      const [event] = await ackEvents(first.id);
      assert.equal(event.data.via, 'link');
      assert.match(event.actor, /link/);
    });

    it('the same link again: "already acknowledged", nothing changed', async () => {
      const before = (await incident(first.id)).events.length;
      const again = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/ack/${token}`,
        headers: { 'accept-language': 'en' },
      });
      assert.equal(again.statusCode, 409);
      assert.match(again.json().title, /already been acknowledged/);
      const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/ack/${token}` });
      assert.equal(page.json().state, 'acknowledged');
      assert.equal((await incident(first.id)).events.length, before);
      await at(200_000);
      assert.equal((await deliveriesOf(first.id)).length, 2, 'an answered message starts no further method');
    });

    it('a forged token, or one whose time is up, is not found', async () => {
      for (const method of ['GET', 'POST'] as const) {
        assert.equal((await t.app.inject({ method, url: `/api/v1/public/ack/${'A'.repeat(32)}` })).statusCode, 404);
        assert.equal(
          // One character changed (a token that ends in x gets a y, or the "forgery" would be the token).
          (
            await t.app.inject({
              method,
              url: `/api/v1/public/ack/${token.slice(0, 31)}${token.endsWith('x') ? 'y' : 'x'}`,
            })
          ).statusCode,
          404,
        );
      }
      clock.set(new Date(T0.getTime() + 60 * 60_000));
      const second = await report();
      await t.c.deliveries.tick();
      const sms = v.received.filter((m) => m.vendor === 'aliyun_sms').at(-1)!;
      assert.equal(sms.params.reply, '1', 'the SMS asks for the reply 1');
      const wecom = await at(60 * 60_000 + 30_000).then(() =>
        v.received.filter((m) => m.vendor === 'wecom_app').at(-1),
      );
      const late = tokenIn(wecom!.text);
      assert.notEqual(late, token);
      clock.set(new Date(T0.getTime() + 60 * 60_000 + 10 * 60_000 + 13 * 60 * 60_000));
      assert.equal(
        (await t.app.inject({ method: 'POST', url: `/api/v1/public/ack/${late}` })).statusCode,
        404,
        'expired with the step',
      );
      assert.equal((await incident(second.id)).steps[0].state === 'done', false);
    });

    it('an SMS reply "1" through the signed callback acknowledges; a bad key is 401 and changes nothing', async () => {
      clock.set(new Date(T0.getTime() + 20 * 60 * 60_000));
      const third = await report();
      await t.c.deliveries.tick();
      const sms = v.received.filter((m) => m.vendor === 'aliyun_sms').at(-1)!;
      const reply = [
        {
          phone_number: '13800138000',
          content: '1',
          send_time: '2027-06-02 22:00:10',
          dest_code: `1069000${sms.extendCode}`,
          sequence_id: 1,
          sign_name: 'Steady',
        },
      ];
      const forged = await t.app.inject({
        method: 'POST',
        url: callbacks.aliyun_sms!.replace(/\/[^/]+$/, '/not-the-key-at-all') + '/reply',
        payload: reply,
      });
      assert.equal(forged.statusCode, 401);
      assert.equal((await incident(third.id)).steps[0].state, 'active', 'nothing changed');
      const ok = await t.app.inject({ method: 'POST', url: `${callbacks.aliyun_sms}/reply`, payload: reply });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { code: 0, msg: '接收成功' });
      assert.equal((await incident(third.id)).steps[0].state, 'done');
      assert.equal((await ackEvents(third.id))[0].data.via, 'sms');
    });

    it('a delivery receipt marks the SMS delivered; a failed receipt hands over at once', async () => {
      clock.set(new Date(T0.getTime() + 30 * 60 * 60_000));
      const fourth = await report();
      await t.c.deliveries.tick();
      const [sms] = await deliveriesOf(fourth.id);
      assert.deepEqual([sms!.channel, sms!.state, sms!.delivered_at], ['sms', 'sent', null]);
      const receipt = [
        {
          phone_number: '13800138000',
          send_time: '2027-06-03 08:00:00',
          report_time: '2027-06-03 08:00:03',
          success: false,
          err_code: 'MK:0001',
          err_msg: '手机关机',
          sms_size: '1',
          biz_id: sms!.provider_id,
          out_id: '',
        },
      ];
      const res = await t.app.inject({ method: 'POST', url: `${callbacks.aliyun_sms}/status`, payload: receipt });
      assert.equal(res.statusCode, 200);
      await t.c.deliveries.tick();
      const rows = await deliveriesOf(fourth.id);
      assert.deepEqual(
        rows.map((r) => [r.channel, r.state]),
        [
          ['sms', 'failed'],
          ['wecom_app', 'sent'],
        ],
        'handed over before the 30 s were up',
      );
      const fifth = await report();
      await t.c.deliveries.tick();
      const [next] = await deliveriesOf(fifth.id);
      await t.app.inject({
        method: 'POST',
        url: `${callbacks.aliyun_sms}/status`,
        payload: [{ ...receipt[0], success: true, err_code: 'DELIVERED', biz_id: next!.provider_id }],
      });
      await at(30 * 60 * 60_000 + 60_000);
      const done = await deliveriesOf(fifth.id);
      assert.ok(done[0]!.delivered_at, 'delivered by the receipt');
      assert.equal(done.length, 1, 'confirmed in time: no failover');
    });

    const vendorThatAnswersError =
      'a vendor that answers with an error code (no balance) fails over at once, and delivery health shows the code';
    it(vendorThatAnswersError, async () => {
      clock.set(new Date(T0.getTime() + 40 * 60 * 60_000));
      v.failNext('aliyun_sms', 1, 'quota');
      const sixth = await report();
      await t.c.deliveries.tick();
      assert.deepEqual(
        (await deliveriesOf(sixth.id)).map((r) => [r.channel, r.state]),
        [
          ['sms', 'failed'],
          ['wecom_app', 'sent'],
        ],
      );
      const health = await admin.get('/api/v1/channels/health');
      assert.equal(health.statusCode, 200, health.body);
      const sms = health.json().channels.find((c: { channel: string }) => c.channel === 'aliyun_sms');
      assert.equal(sms.lastError.code, 'isv.AMOUNT_NOT_ENOUGH');
      assert.ok(sms.failed >= 1 && sms.sent >= 1);
      const wecom = health.json().channels.find((c: { channel: string }) => c.channel === 'wecom_app');
      assert.ok(wecom.delivered >= 1 && wecom.p50Ms !== null && wecom.p99Ms >= wecom.p50Ms);
      assert.equal((await teacher.get('/api/v1/channels/health')).statusCode, 403, 'administrators only');
    });

    const severityIiSmsDelivered =
      'severity II: an SMS delivered but not acknowledged in time is followed by a call to the same mobile';
    it(severityIiSmsDelivered, async () => {
      await configureVendors(admin, v, ['aliyun_voice']);
      clock.set(new Date(T0.getTime() + 50 * 60 * 60_000));
      const serious = await report(2);
      await t.c.deliveries.tick();
      const [sms] = await deliveriesOf(serious.id);
      await t.app.inject({
        method: 'POST',
        url: `${callbacks.aliyun_sms}/status`,
        payload: [{ success: true, err_code: 'DELIVERED', biz_id: sms!.provider_id }],
      });
      await at(50 * 60 * 60_000 + 30_000);
      const rows = await deliveriesOf(serious.id);
      assert.deepEqual(
        rows.map((r) => r.channel),
        ['sms', 'voice'],
      );
      const call = v.received.filter((m) => m.vendor === 'aliyun_voice').at(-1);
      assert.equal(call?.to, '+8613800138000');
      assert.equal(call?.params.reply, '1', 'the call reads the reply code');
    });
  });
}
