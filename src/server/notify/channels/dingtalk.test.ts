import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deadUrl, failureOf, incidentMessage, longBody } from '../../../../test/receivers/fixtures.js';
import { startHttpReceiver } from '../../../../test/receivers/http-receiver.js';
import type { HttpReceiver } from '../../../../test/receivers/http-receiver.js';
import { PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import { DINGTALK_MARKDOWN_MAX_BYTES, dingtalkSign, dingtalkSignedUrl } from './dingtalk.js';
import { createChannels } from './index.js';

describe('DingTalk signing', () => {
  // Computed with `openssl dgst -sha256 -hmac SECRET -binary | base64` over "1700000000000\nSECRET".
  it('matches an HMAC computed independently with openssl', () => {
    assert.equal(dingtalkSign('SECtest0123456789', '1700000000000'), 'yBKp5IlG6qCzcQWmgyRK/ziJBdVNJmHfFE2ST/CzT/g=');
  });

  it('appends the timestamp in milliseconds and the URL-encoded sign to the query', () => {
    const url = dingtalkSignedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=t',
      'SECtest0123456789',
      new Date(1700000000000),
    );
    assert.equal(
      url,
      'https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&' +
        'sign=yBKp5IlG6qCzcQWmgyRK%2FziJBdVNJmHfFE2ST%2FCzT%2Fg%3D',
    );
  });

  it('leaves the URL alone when the robot has no secret', () => {
    assert.equal(
      dingtalkSignedUrl('https://x/robot/send?access_token=t', undefined, new Date()),
      'https://x/robot/send?access_token=t',
    );
  });
});

describe('DingTalk channel', () => {
  let receiver: HttpReceiver;
  // Roomy for ordinary sends on a loaded CI machine; a hurried client for the unanswered request.
  const channels = createChannels({ timeoutMs: 10_000 });
  const hurried = createChannels({ timeoutMs: 300 });
  const address = (secret = receiver.secrets.dingtalk ?? undefined) => ({
    channel: 'dingtalk' as const,
    url: receiver.urls.dingtalk,
    secret,
  });

  before(async () => {
    receiver = await startHttpReceiver({ keywords: ['Steady'] });
  });
  after(() => receiver.close());

  it('delivers a signed markdown message with Chinese text, link and delivery reference intact', async () => {
    const message = incidentMessage();
    await channels.dingtalk.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.ok(got, 'the robot accepted the message');
    assert.equal(got.format, 'markdown');
    assert.equal(got.title, message.title);
    assert.match(got.body, /^#### 【突发事件】城关镇中心幼儿园 · 火灾 · Ⅲ级/);
    assert.match(got.body, /油锅起火，已疏散全部幼儿，无人员伤亡。/);
    assert.match(got.body, /\[查看详情\]\(https:\/\/steady\.example\.cn\/incidents\/42\)/);
    assert.ok(!got.body.includes('演练'));
  });

  const mentionsPersonMobileList =
    '@-mentions the person by mobile: in the `at` list and in the text, as DingTalk requires for the highlight';
  it(mentionsPersonMobileList, async () => {
    const message = incidentMessage();
    await channels.dingtalk.send({ ...address(), mention: '+8613800138000' }, message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.deepEqual(got?.payload.at, { atMobiles: ['13800138000'], isAtAll: false });
    assert.match(got?.body ?? '', /@13800138000/);
  });

  it('marks a drill in the title and the body', async () => {
    const message = incidentMessage({ drill: true });
    await channels.dingtalk.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.equal(got?.title, `【演练】${message.title}`);
    assert.match(got?.body ?? '', /\*\*【演练】这是一次应急演练，不是真实事件。\*\*/);
  });

  it('marks an English drill with DRILL', async () => {
    const message = incidentMessage({
      drill: true,
      locale: 'en',
      title: 'Incident: fire at the kindergarten',
      body: 'Evacuated.',
    });
    await channels.dingtalk.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.equal(got?.title, '[DRILL] Incident: fire at the kindergarten');
    assert.match(got?.body ?? '', /This is a drill, not a real incident\./);
  });

  it('surfaces a wrong secret as permanent (310000 sign not match)', async () => {
    const error = await failureOf(() => channels.dingtalk.send(address('SECwrong'), incidentMessage(), new Date()));
    assert.ok(error instanceof PermanentDeliveryError);
    assert.match(error.message, /310000: sign not match/);
  });

  it('surfaces a timestamp older than an hour as permanent (310000 invalid timestamp)', async () => {
    const error = await failureOf(() =>
      channels.dingtalk.send(address(), incidentMessage(), new Date(Date.now() - 2 * 3600_000)),
    );
    assert.ok(error instanceof PermanentDeliveryError);
    assert.match(error.message, /invalid timestamp/);
  });

  it('surfaces the keyword check as permanent', async () => {
    receiver.failNext('dingtalk', 1, 'refusal');
    const error = await failureOf(() => channels.dingtalk.send(address(), incidentMessage(), new Date()));
    assert.ok(error instanceof PermanentDeliveryError);
    assert.match(error.message, /keywords not in content/);
  });

  it('treats the rate-limit code as transient, with the 10-minute throttle as the wait', async () => {
    receiver.failNext('dingtalk', 1, 'rate-limit');
    const error = await failureOf(() => channels.dingtalk.send(address(), incidentMessage(), new Date()));
    assert.ok(error instanceof TransientDeliveryError);
    assert.equal(error.retryAfterMs, 600_000);
  });

  it('treats HTTP 500 and 429 as transient, honouring Retry-After', async () => {
    receiver.failNext('dingtalk', 1, 500);
    receiver.failNext('dingtalk', 1, 429, { retryAfter: '7' });
    const first = await failureOf(() => channels.dingtalk.send(address(), incidentMessage(), new Date()));
    assert.ok(first instanceof TransientDeliveryError);
    assert.equal(first.retryAfterMs, undefined);
    const second = await failureOf(() => channels.dingtalk.send(address(), incidentMessage(), new Date()));
    assert.ok(second instanceof TransientDeliveryError);
    assert.equal(second.retryAfterMs, 7000);
  });

  it('treats a timeout and an unreachable host as transient', async () => {
    receiver.failNext('dingtalk', 1, 'hang');
    const slow = await failureOf(() => hurried.dingtalk.send(address(), incidentMessage(), new Date()));
    assert.ok(slow instanceof TransientDeliveryError);
    assert.match(slow.message, /no answer within 300 ms/);
    const dead = { channel: 'dingtalk' as const, url: await deadUrl('/robot/send?access_token=t') };
    const refused = await failureOf(() => channels.dingtalk.send(dead, incidentMessage(), new Date()));
    assert.ok(refused instanceof TransientDeliveryError);
    assert.ok(!refused.message.includes('access_token'), 'the URL is a credential and stays out of errors');
  });

  it('cuts an over-long body with an ellipsis within its size bound, keeping title, link and reference', async () => {
    const message = incidentMessage({ body: longBody() });
    await channels.dingtalk.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.ok(got);
    assert.ok(Buffer.byteLength(got.body) <= DINGTALK_MARKDOWN_MAX_BYTES);
    assert.ok(Buffer.byteLength(got.body) > DINGTALK_MARKDOWN_MAX_BYTES - 100, 'uses the room it has');
    assert.match(got.body, /…\n\n\[查看详情\]/);
    assert.equal(got.title, message.title);
  });
});
