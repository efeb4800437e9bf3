import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { failureOf, incidentMessage } from '../../../../test/receivers/fixtures.js';
import { startPushReceiver, type PushReceiver } from '../../../../test/receivers/push-receiver.js';
import { vendorSettings } from '../../../../test/receivers/vendor-accounts.js';
import { startVendorReceiver, type VendorReceiver } from '../../../../test/receivers/vendor-receiver.js';
import { PermanentDeliveryError, TransientDeliveryError, type OutgoingMessage } from './channel.js';
import { createChannels } from './index.js';
import { newVapidKeys } from './web-push.js';

/*
 * Each vendor channel through its real SDK or documented API against the local fakes, which check
 * signatures (ACS3-HMAC-SHA256, TC3-HMAC-SHA256), tokens, templates and shapes as the vendors do.
 */
const alert = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage =>
  incidentMessage({
    template: 'alert',
    params: { unit: '城关镇中心幼儿园', event: '火灾（Ⅲ级）', due: '10:52' },
    ack: { url: 'https://steady.example.cn/a/AbCdEfGhIjKlMnOpQrStUvWxYz012345', reply: '1', extendCode: '07' },
    ...overrides,
  });

describe('vendor channels against the local fakes', () => {
  let v: VendorReceiver;
  let push: PushReceiver;
  const vapid = newVapidKeys();
  const channels = (enabled: Parameters<typeof vendorSettings>[1], timeoutMs = 10_000) =>
    createChannels({
      vendors: vendorSettings(v, enabled, vapid),
      timeoutMs,
      pushAgent: push.agent,
      vapidSubject: 'mailto:ops@steady.example.cn',
    });
  const last = (vendor: string) => v.received.filter((m) => m.vendor === vendor).at(-1);

  before(async () => {
    v = await startVendorReceiver();
    push = await startPushReceiver();
    v.appUsers.add('zhang.yuanzhang');
  });
  after(async () => {
    await v.close();
    await push.close();
  });

  const aliyunSmsAlertGoes =
    'Aliyun SMS: an alert goes as the approved template with its variables and the reply extension, signed';
  it(aliyunSmsAlertGoes, async () => {
    const result = await channels(['aliyun_sms']).sms.send(
      { channel: 'sms', mobile: '+8613800138000' },
      alert(),
      new Date(),
    );
    const got = last('aliyun_sms');
    assert.deepEqual(got?.params, { unit: '城关镇中心幼儿园', event: '火灾（Ⅲ级）', due: '10:52', reply: '1' });
    assert.equal(got?.to, '+8613800138000');
    assert.equal(got?.extendCode, '07');
    assert.equal(result.providerId, got?.providerId, 'the BizId is kept for the receipt');
    assert.equal(result.delivered, undefined, 'an SMS is delivered only when its receipt says so');
    assert.deepEqual(v.refused, []);
  });

  it('Aliyun SMS: a variable longer than the template allows is cut to 35 characters, not refused', async () => {
    await channels(['aliyun_sms']).sms.send(
      { channel: 'sms', mobile: '+8613800138000' },
      alert({ params: { unit: '很长'.repeat(30), event: '火灾', due: '10:52' } }),
      new Date(),
    );
    assert.equal(Array.from(last('aliyun_sms')!.params.unit!).length, 35);
    assert.match(last('aliyun_sms')!.params.unit!, /…$/);
  });

  it('Aliyun SMS: a wrong secret is refused by the signature check and never heals; 503 passes', async () => {
    const wrong = createChannels({
      vendors: {
        account: async (vendor) =>
          (vendor === 'aliyun_sms'
            ? {
                ...(await vendorSettings(v, ['aliyun_sms']).account('aliyun_sms'))!,
                secrets: { ...v.credentials.aliyun, accessKeySecret: 'wrong' },
              }
            : null) as never,
      },
    });
    const refused = await failureOf(() =>
      wrong.sms.send({ channel: 'sms', mobile: '+8613800138000' }, alert(), new Date()),
    );
    assert.ok(refused instanceof PermanentDeliveryError, refused.message);
    assert.equal(refused.code, 'SignatureDoesNotMatch');
    v.failNext('aliyun_sms', 1, 503);
    assert.ok(
      (await failureOf(() =>
        channels(['aliyun_sms']).sms.send({ channel: 'sms', mobile: '+8613800138000' }, alert(), new Date()),
      )) instanceof TransientDeliveryError,
    );
  });

  it('Aliyun SMS: quota and unapproved template are final with the vendor’s code; flow control passes', async () => {
    const sms = channels(['aliyun_sms']).sms;
    const kinds = [];
    for (const kind of ['quota', 'template', 'limit'] as const) {
      v.failNext('aliyun_sms', 1, kind);
      const error = await failureOf(() => sms.send({ channel: 'sms', mobile: '+8613800138000' }, alert(), new Date()));
      kinds.push([
        error.constructor.name,
        (error as PermanentDeliveryError).code,
        (error as PermanentDeliveryError).vendor,
      ]);
    }
    assert.deepEqual(kinds, [
      ['PermanentDeliveryError', 'isv.AMOUNT_NOT_ENOUGH', 'aliyun_sms'],
      ['PermanentDeliveryError', 'isv.SMS_TEMPLATE_ILLEGAL', 'aliyun_sms'],
      ['TransientDeliveryError', 'isv.BUSINESS_LIMIT_CONTROL', 'aliyun_sms'],
    ]);
  });

  it('Aliyun voice: SingleCallByTts reads the alert and the reply code', async () => {
    const result = await channels(['aliyun_voice']).voice.send(
      { channel: 'voice', mobile: '+8613800138000' },
      alert(),
      new Date(),
    );
    assert.deepEqual(last('aliyun_voice')?.params, {
      unit: '城关镇中心幼儿园',
      event: '火灾（Ⅲ级）',
      due: '10:52',
      reply: '1',
    });
    assert.equal(result.providerId, last('aliyun_voice')?.providerId);
  });

  it('Tencent SMS: the template parameters in order, E.164 number, extension code, TC3 signature', async () => {
    const message = alert();
    const result = await channels(['tencent_sms']).sms.send(
      { channel: 'sms', mobile: '+8613800138000' },
      message,
      new Date(),
    );
    const got = last('tencent_sms');
    assert.deepEqual(got?.params, { 1: '城关镇中心幼儿园', 2: '火灾（Ⅲ级）', 3: '10:52', 4: '1' });
    assert.equal(got?.extendCode, '07');
    assert.equal(got?.reference, message.deliveryId, 'the delivery id rides as SessionContext');
    assert.equal(result.providerId, got?.providerId);
    assert.equal(result.vendor, 'tencent_sms');
  });

  it('Tencent SMS: a wrong key fails the signature; insufficient balance is final; 503 passes', async () => {
    const wrong = createChannels({
      vendors: {
        account: async (vendor) =>
          (vendor === 'tencent_sms'
            ? {
                ...(await vendorSettings(v, ['tencent_sms']).account('tencent_sms'))!,
                secrets: { secretId: v.credentials.tencent.secretId, secretKey: 'wrong' },
              }
            : null) as never,
      },
    });
    const refused = await failureOf(() =>
      wrong.sms.send({ channel: 'sms', mobile: '+8613800138000' }, alert(), new Date()),
    );
    assert.ok(refused instanceof PermanentDeliveryError);
    assert.equal(refused.code, 'AuthFailure.SignatureFailure');
    v.failNext('tencent_sms', 1, 'quota');
    const quota = await failureOf(() =>
      channels(['tencent_sms']).sms.send({ channel: 'sms', mobile: '+8613800138000' }, alert(), new Date()),
    );
    assert.deepEqual(
      [quota.constructor, (quota as PermanentDeliveryError).code],
      [PermanentDeliveryError, 'FailedOperation.InsufficientBalanceInSmsPackage'],
    );
    v.failNext('tencent_sms', 1, 503);
    assert.ok(
      (await failureOf(() =>
        channels(['tencent_sms']).sms.send({ channel: 'sms', mobile: '+8613800138000' }, alert(), new Date()),
      )) instanceof TransientDeliveryError,
    );
  });

  it('Tencent voice: SendTtsVoice through the common client', async () => {
    const result = await channels(['tencent_voice']).voice.send(
      { channel: 'voice', mobile: '+8613800138000' },
      alert(),
      new Date(),
    );
    assert.deepEqual(last('tencent_voice')?.params, { 1: '城关镇中心幼儿园', 2: '火灾（Ⅲ级）', 3: '10:52', 4: '1' });
    assert.equal(result.providerId, last('tencent_voice')?.providerId);
  });

  it('no SMS vendor configured is a configuration error, final, so the next method is tried', async () => {
    const error = await failureOf(() =>
      channels([]).sms.send({ channel: 'sms', mobile: '+8613800138000' }, alert(), new Date()),
    );
    assert.deepEqual(
      [error.constructor, (error as PermanentDeliveryError).code],
      [PermanentDeliveryError, 'not_configured'],
    );
  });

  const wecomAppTokenMany =
    'WeCom app: one token for many messages, a text card with the acknowledge link; an expired token is fetched again';
  it(wecomAppTokenMany, async () => {
    const wecom = channels(['wecom_app']).wecom_app;
    const before = v.tokensIssued.wecom;
    await wecom.send({ channel: 'wecom_app', userId: 'zhang.yuanzhang' }, alert(), new Date());
    const result = await wecom.send({ channel: 'wecom_app', userId: 'zhang.yuanzhang' }, alert(), new Date());
    assert.equal(v.tokensIssued.wecom - before, 1, 'the token is cached');
    assert.equal(result.delivered, true);
    assert.match(last('wecom_app')!.text, /回复 1 确认收到[\s\S]*https:\/\/steady\.example\.cn\/a\//);
    v.expireTokens();
    const expired = await failureOf(() =>
      wecom.send({ channel: 'wecom_app', userId: 'zhang.yuanzhang' }, alert(), new Date()),
    );
    assert.ok(expired instanceof TransientDeliveryError, 'an expired token passes');
    await wecom.send({ channel: 'wecom_app', userId: 'zhang.yuanzhang' }, alert(), new Date());
    assert.equal(v.tokensIssued.wecom - before, 2, 'and a new one is fetched');
  });

  it('WeCom app: a user outside the app’s range is final (invaliduser)', async () => {
    const error = await failureOf(() =>
      channels(['wecom_app']).wecom_app.send({ channel: 'wecom_app', userId: 'nobody' }, alert(), new Date()),
    );
    assert.deepEqual(
      [error.constructor, (error as PermanentDeliveryError).code],
      [PermanentDeliveryError, 'invaliduser'],
    );
  });

  it('DingTalk work notice: an action card to the user id, token cached', async () => {
    const dingtalk = channels(['dingtalk_app']).dingtalk_app;
    await dingtalk.send({ channel: 'dingtalk_app', userId: 'zhang.yuanzhang' }, alert(), new Date());
    await dingtalk.send(
      { channel: 'dingtalk_app', userId: 'zhang.yuanzhang' },
      alert({ locale: 'en', title: 'Incident: fire', body: 'All out.' }),
      new Date(),
    );
    assert.match(last('dingtalk_app')!.text, /Reply 1 to acknowledge[\s\S]*https:\/\/steady\.example\.cn\/a\//);
    v.failNext('dingtalk_app', 1, 'limit');
    assert.ok(
      (await failureOf(() =>
        dingtalk.send({ channel: 'dingtalk_app', userId: 'zhang.yuanzhang' }, alert(), new Date()),
      )) instanceof TransientDeliveryError,
    );
  });

  it('Feishu: the SDK fetches the tenant token and sends a post to the user; an unknown user is final', async () => {
    const feishu = channels(['feishu_app']).feishu_app;
    const message = alert();
    const result = await feishu.send({ channel: 'feishu_app', userId: 'zhang.yuanzhang' }, message, new Date());
    assert.equal(last('feishu_app')?.reference, message.deliveryId, 'the delivery id is the idempotency uuid');
    assert.match(last('feishu_app')!.text, /城关镇中心幼儿园[\s\S]*\/a\/AbCd/);
    assert.equal(result.providerId, last('feishu_app')?.providerId);
    const error = await failureOf(() => feishu.send({ channel: 'feishu_app', userId: 'nobody' }, alert(), new Date()));
    assert.ok(error instanceof PermanentDeliveryError, error.message);
  });

  const webPushVapidSigned =
    'Web Push: VAPID-signed, encrypted for the browser, urgent for an alert; a gone subscription is final';
  it(webPushVapidSigned, async () => {
    const subscription = push.subscribe();
    await channels(['web_push']).web_push.send({ channel: 'web_push', subscription }, alert(), new Date());
    const got = push.received.at(-1);
    assert.equal(got?.payload.title, alert().title);
    assert.match(got?.payload.url ?? '', /\/a\/AbCd/);
    assert.equal(got?.urgency, 'high');
    assert.deepEqual(push.refused, []);
    push.unsubscribe(subscription.endpoint);
    const gone = await failureOf(() =>
      channels(['web_push']).web_push.send({ channel: 'web_push', subscription }, alert(), new Date()),
    );
    assert.deepEqual([gone.constructor, (gone as PermanentDeliveryError).code], [PermanentDeliveryError, '410']);
  });
});
