import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deadUrl, failureOf, incidentMessage, longBody } from '../../../../test/receivers/fixtures.js';
import { startHttpReceiver } from '../../../../test/receivers/http-receiver.js';
import type { HttpReceiver } from '../../../../test/receivers/http-receiver.js';
import { PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import { createChannels } from './index.js';
import { WECOM_TEXT_MAX_BYTES } from './wecom.js';

describe('WeCom channel', () => {
  let receiver: HttpReceiver;
  // Roomy for ordinary sends on a loaded CI machine; a hurried client for the unanswered request.
  const channels = createChannels({ timeoutMs: 10_000 });
  const hurried = createChannels({ timeoutMs: 300 });
  const address = (url = receiver.urls.wecom) => ({ channel: 'wecom' as const, url });

  before(async () => {
    receiver = await startHttpReceiver();
  });
  after(() => receiver.close());

  it('delivers a text message: title, body, link and reference on their own lines, Chinese intact', async () => {
    const message = incidentMessage();
    await channels.wecom.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.ok(got, 'the robot accepted the message');
    assert.equal(got.format, 'text');
    assert.equal(got.title, message.title);
    assert.equal(
      got.body,
      `${message.body}\nhttps://steady.example.cn/incidents/42\nSteady 消息编号：${message.deliveryId}`,
    );
  });

  it('@-mentions the person by mobile (mentioned_mobile_list)', async () => {
    const message = incidentMessage();
    await channels.wecom.send(
      { channel: 'wecom', url: receiver.urls.wecom, mention: '+8613800138000' },
      message,
      new Date(),
    );
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.deepEqual((got?.payload.text as { mentioned_mobile_list?: string[] }).mentioned_mobile_list, [
      '13800138000',
    ]);
  });

  it('marks a drill in the title and the body', async () => {
    const message = incidentMessage({ drill: true });
    await channels.wecom.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.equal(got?.title, `【演练】${message.title}`);
    assert.match(got?.body ?? '', /^【演练】这是一次应急演练，不是真实事件。\n/);
  });

  it('surfaces a wrong key as permanent (93000)', async () => {
    const wrong = receiver.urls.wecom.replace(/key=[^&]+/, 'key=00000000-0000-0000-0000-000000000000');
    const error = await failureOf(() => channels.wecom.send(address(wrong), incidentMessage(), new Date()));
    assert.ok(error instanceof PermanentDeliveryError);
    assert.match(error.message, /93000/);
    assert.ok(!error.message.includes('key='), 'the URL is a credential and stays out of errors');
  });

  it('treats 45009 as transient with a one-minute wait', async () => {
    receiver.failNext('wecom', 1, 'rate-limit');
    const error = await failureOf(() => channels.wecom.send(address(), incidentMessage(), new Date()));
    assert.ok(error instanceof TransientDeliveryError);
    assert.equal(error.retryAfterMs, 60_000);
  });

  it('treats HTTP 500 and 429 as transient, honouring Retry-After as an HTTP date', async () => {
    const now = new Date('2025-03-12T02:42:00Z');
    receiver.failNext('wecom', 1, 500, { retryAfter: '3' });
    receiver.failNext('wecom', 1, 429, { retryAfter: 'Wed, 12 Mar 2025 02:42:30 GMT' });
    const first = await failureOf(() => channels.wecom.send(address(), incidentMessage(), now));
    assert.ok(first instanceof TransientDeliveryError);
    assert.equal(first.retryAfterMs, 3000);
    const second = await failureOf(() => channels.wecom.send(address(), incidentMessage(), now));
    assert.ok(second instanceof TransientDeliveryError);
    assert.equal(second.retryAfterMs, 30_000);
  });

  it('treats a timeout and an unreachable host as transient', async () => {
    receiver.failNext('wecom', 1, 'hang');
    assert.ok(
      (await failureOf(() => hurried.wecom.send(address(), incidentMessage(), new Date()))) instanceof
        TransientDeliveryError,
    );
    const dead = address(await deadUrl('/cgi-bin/webhook/send?key=k'));
    assert.ok(
      (await failureOf(() => channels.wecom.send(dead, incidentMessage(), new Date()))) instanceof
        TransientDeliveryError,
    );
  });

  it('cuts an over-long body so the content stays within 2048 bytes', async () => {
    const message = incidentMessage({ body: longBody() });
    await channels.wecom.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.ok(got, 'the robot accepted it: the content is within its limit');
    const content = `${got.title}\n${got.body}`;
    assert.ok(Buffer.byteLength(content) <= WECOM_TEXT_MAX_BYTES);
    assert.ok(Buffer.byteLength(content) > WECOM_TEXT_MAX_BYTES - 8, 'uses the room it has');
    assert.match(got.body, /…\nhttps:\/\/steady\.example\.cn\/incidents\/42\nSteady 消息编号：/);
  });
});
