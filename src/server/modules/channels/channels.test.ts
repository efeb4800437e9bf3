import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encrypt, getSignature } from '@wecom/crypto';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { configureVendors, personIdOf, PUBLIC_URL, SECRET_KEY, setContacts } from '../../../../test/helpers/reach.js';
import { vendorAccounts } from '../../../../test/receivers/vendor-accounts.js';
import { startVendorReceiver, type VendorReceiver } from '../../../../test/receivers/vendor-receiver.js';
import { createChannels } from '../../notify/channels/index.js';

/* Vendor settings (secrets sealed, never shown back), the WeCom callback, and mobile numbers refused by field. */
for (const dialect of dialectsUnderTest()) {
  describe(`channel settings and callbacks (${dialect})`, () => {
    let t: TestApp;
    let v: VendorReceiver;
    let admin: Client;
    let callbacks: Record<string, string>;

    before(async () => {
      v = await startVendorReceiver();
      t = await createTestApp(dialect, {
        demo: true,
        env: { STEADY_SECRET_KEY: SECRET_KEY, STEADY_PUBLIC_URL: PUBLIC_URL },
        channels: (vendors) => createChannels({ vendors, timeoutMs: 3000 }),
      });
      admin = await t.signIn('admin');
      callbacks = await configureVendors(admin, v, ['aliyun_sms', 'wecom_app']);
    });
    after(async () => {
      await t.close();
      await v.close();
    });

    it('secrets are sealed in the database and never shown back; the callback URL is shown once', async () => {
      const listed = await admin.get('/api/v1/channels');
      assert.equal(listed.statusCode, 200);
      const sms = listed.json().find((s: { vendor: string }) => s.vendor === 'aliyun_sms');
      assert.deepEqual([sms.enabled, sms.configured, sms.secretsSet], [true, true, ['accessKeyId', 'accessKeySecret']]);
      assert.ok(
        !listed.body.includes(v.credentials.aliyun.accessKeySecret) &&
          !listed.body.includes(v.credentials.wecom.corpSecret),
      );
      assert.ok(!listed.body.includes(callbacks.aliyun_sms!.split('/').pop()!), 'the callback key is not listed');
      const row = await t.c.db
        .selectFrom('channel_settings')
        .selectAll()
        .where('channel', '=', 'aliyun_sms')
        .executeTakeFirstOrThrow();
      assert.match(row.secrets_sealed ?? '', /^v1\./);
      assert.ok(
        !row.secrets_sealed!.includes(v.credentials.aliyun.accessKeySecret) &&
          !row.config_json.includes(v.credentials.aliyun.accessKeySecret),
      );
    });

    const editWithoutSecretsKeeps =
      'an edit without secrets keeps the saved ones; a bad template id is named; only top administrators';
    it(editWithoutSecretsKeeps, async () => {
      const { config } = vendorAccounts(v).aliyun_sms;
      const kept = await admin.inject({
        method: 'PUT',
        url: '/api/v1/channels/aliyun_sms',
        payload: { enabled: true, config: { ...config, signName: 'Steady' } },
      });
      assert.equal(kept.statusCode, 200, kept.body);
      assert.deepEqual(kept.json().secretsSet, ['accessKeyId', 'accessKeySecret']);
      const bad = await admin.inject({
        method: 'PUT',
        url: '/api/v1/channels/aliyun_sms',
        headers: { 'accept-language': 'en' },
        payload: { enabled: true, config: { ...config, alertTemplate: 'SMS 1!' } },
      });
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(
        bad.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
        [['config.alertTemplate', 'alert template may contain only letters, digits, _ and -']],
      );
      const missing = await admin.inject({
        method: 'PUT',
        url: '/api/v1/channels/tencent_sms',
        payload: { enabled: true, config: vendorAccounts(v).tencent_sms.config },
      });
      assert.deepEqual(
        missing.json().errors.map((e: { field: string }) => e.field),
        ['secrets.secretId', 'secrets.secretKey'],
      );
      const school = await t.signIn('s1.head');
      assert.equal((await school.get('/api/v1/channels')).statusCode, 403);
    });

    it('without STEADY_SECRET_KEY a secret cannot be saved, and the field says why', async () => {
      const keyless = await createTestApp(dialect, { demo: true });
      try {
        const who = await keyless.signIn('admin');
        const res = await who.inject({
          method: 'PUT',
          url: '/api/v1/channels/feishu_app',
          payload: { enabled: true, config: { appId: 'cli_x' }, secrets: { appSecret: 's' } },
        });
        assert.equal(res.statusCode, 422);
        assert.equal(res.json().errors[0].field, 'secrets');
        assert.match(res.json().errors[0].message, /STEADY_SECRET_KEY/);
      } finally {
        await keyless.close();
      }
    });

    const mobileThatNotValid =
      'a mobile that is not a valid mainland or +country number is refused with the field named, in both languages';
    it(mobileThatNotValid, async () => {
      const head = await personIdOf(t, 'k1.head');
      const url = `/api/v1/people/${head}/contacts`;
      const zh = await admin.inject({
        method: 'PUT',
        url,
        payload: {
          methods: [
            { channel: 'sms', mobile: '12345' },
            { channel: 'voice', mobile: '+86 123' },
          ],
        },
      });
      assert.equal(zh.statusCode, 400);
      assert.deepEqual(
        zh.json().errors.map((e: { field: string }) => e.field),
        ['methods.0.mobile', 'methods.1.mobile'],
      );
      assert.match(zh.json().errors[0].message, /^手机号：不是有效的手机号/);
      const en = await admin.inject({
        method: 'PUT',
        url,
        headers: { 'accept-language': 'en' },
        payload: { methods: [{ channel: 'sms', mobile: '2345678' }] },
      });
      assert.match(en.json().errors[0].message, /^mobile number is not a valid mobile number/);
      await setContacts(admin, head, [
        { channel: 'sms', mobile: '+86 138-0013-8000' },
        { channel: 'voice', mobile: '+44 7911 123456' },
      ]);
      const saved = (await admin.get(url)).json();
      assert.deepEqual(
        saved.map((m: { target: string }) => m.target),
        ['+8613800138000', '+447911123456'],
        'stored as E.164',
      );
    });

    const tencentCloudReplySms =
      'Tencent Cloud: a reply "1" on the SMS extension acknowledges, ' +
      'a receipt marks the SMS delivered; a wrong key is 401';
    it(tencentCloudReplySms, async () => {
      const tencent = await configureVendors(admin, v, ['tencent_sms']);
      await admin.inject({
        method: 'PUT',
        url: '/api/v1/channels/aliyun_sms',
        payload: { enabled: false, config: vendorAccounts(v).aliyun_sms.config },
      });
      const head = await personIdOf(t, 's2.head');
      await setContacts(admin, head, [{ channel: 'sms', mobile: '13900139000' }]);
      const teacher = await t.signIn('s2.teacher1');
      const incident = (
        await teacher.post('/api/v1/incidents', {
          unitId: await unitIdByName(t, '城关镇第二小学'),
          type: 'injury',
          severity: 4,
          place: '走廊',
          description: '摔伤',
        })
      ).json();
      await t.c.deliveries.tick();
      const sms = v.received.filter((m) => m.vendor === 'tencent_sms').at(-1)!;
      assert.equal(sms.to, '+8613900139000');
      const receipt = [
        {
          user_receive_time: '2027-06-01 10:00:03',
          nationcode: '86',
          mobile: '13900139000',
          report_status: 'SUCCESS',
          errmsg: 'DELIVRD',
          description: '用户短信送达成功',
          sid: sms.providerId,
        },
      ];
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: `${tencent.tencent_sms!.replace(/\/[^/]+$/, '/wrong-key-0000')}/status`,
            payload: receipt,
          })
        ).statusCode,
        401,
      );
      const status = await t.app.inject({ method: 'POST', url: `${tencent.tencent_sms}/status`, payload: receipt });
      assert.deepEqual(status.json(), { result: 0, errmsg: 'OK' });
      const delivered = await t.c.db
        .selectFrom('deliveries')
        .select('delivered_at')
        .where('provider_id', '=', sms.providerId)
        .executeTakeFirstOrThrow();
      assert.ok(delivered.delivered_at);
      const reply = {
        extend: sms.extendCode,
        mobile: '13900139000',
        nationcode: '86',
        sign: 'Steady',
        text: '1',
        time: 1780000000,
      };
      assert.equal(
        (await t.app.inject({ method: 'POST', url: `${tencent.tencent_sms}/reply`, payload: reply })).statusCode,
        200,
      );
      const seen = (await teacher.get(`/api/v1/incidents/${incident.id}`)).json();
      assert.equal(seen.steps[0].state, 'done');
      assert.equal(seen.events.find((e: { kind: string }) => e.kind === 'step.acknowledged').data.via, 'sms');
    });

    it('WeCom: the signed URL check echoes, a reply "1" in the app acknowledges, a bad signature is 401', async () => {
      const secrets = vendorAccounts(v).wecom_app.secrets;
      const corpId = v.credentials.wecom.corpId;
      const signed = (encrypted: string) => {
        const timestamp = '1780000000';
        const nonce = 'n0nce';
        return (
          `msg_signature=${getSignature(secrets.callbackToken, timestamp, nonce, encrypted)}&` +
          `timestamp=${timestamp}&nonce=${nonce}`
        );
      };
      const echo = encrypt(secrets.encodingAesKey, 'echo-4711', corpId);
      const verified = await t.app.inject({
        method: 'GET',
        url: `${callbacks.wecom_app}/events?${signed(echo)}&echostr=${encodeURIComponent(echo)}`,
      });
      assert.deepEqual([verified.statusCode, verified.body], [200, 'echo-4711']);
      const head = await personIdOf(t, 'k2.head');
      v.appUsers.add('k2-head');
      await setContacts(admin, head, [{ channel: 'wecom_app', userId: 'k2-head' }]);
      const teacher = await t.signIn('k2.teacher1');
      const incident = (
        await teacher.post('/api/v1/incidents', {
          unitId: await unitIdByName(t, '城关镇阳光幼儿园'),
          type: 'injury',
          severity: 4,
          place: '操场',
          description: '摔伤',
        })
      ).json();
      const inner =
        '<xml><ToUserName><![CDATA[corp]]></ToUserName><FromUserName><![CDATA[k2-head]]></' +
        'FromUserName><CreateTime>1780000000</CreateTime><MsgType><![CDATA[text]]></MsgType>' +
        '<Content><![CDATA[1]]></Content><MsgId>1</MsgId><AgentID>1000002</AgentID></xml>';
      const envelope = encrypt(secrets.encodingAesKey, inner, corpId);
      const body =
        `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><AgentID>` +
        `<![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${envelope}]]></Encrypt></xml>`;
      // One hex digit changed: a signature that is almost right is still wrong.
      const forgedQuery = signed(envelope).replace(
        /msg_signature=(\w)/,
        (_, c: string) => `msg_signature=${c === '0' ? '1' : '0'}`,
      );
      const forged = await t.app.inject({
        method: 'POST',
        url: `${callbacks.wecom_app}/events?${forgedQuery}`,
        payload: body,
        headers: { 'content-type': 'text/xml' },
      });
      assert.equal(forged.statusCode, 401);
      assert.equal(
        (await teacher.get(`/api/v1/incidents/${incident.id}`)).json().steps[0].state,
        'active',
        'nothing changed',
      );
      const replied = await t.app.inject({
        method: 'POST',
        url: `${callbacks.wecom_app}/events?${signed(envelope)}`,
        payload: body,
        headers: { 'content-type': 'text/xml' },
      });
      assert.equal(replied.statusCode, 200, replied.body);
      const seen = (await teacher.get(`/api/v1/incidents/${incident.id}`)).json();
      assert.equal(seen.steps[0].state, 'done');
      assert.equal(seen.events.find((e: { kind: string }) => e.kind === 'step.acknowledged').data.via, 'wecom_app');
    });
  });
}
