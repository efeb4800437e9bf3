import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deadUrl, failureOf, incidentMessage } from '../../../../test/receivers/fixtures.js';
import { startHttpReceiver } from '../../../../test/receivers/http-receiver.js';
import type { HttpReceiver } from '../../../../test/receivers/http-receiver.js';
import { PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import { createChannels } from './index.js';
import { webhookBody, webhookSignature } from './webhook.js';

describe('webhook signing', () => {
  // Computed with `printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test`.
  it('is hex HMAC-SHA256 over "timestamp.rawBody", as openssl computes it', () => {
    assert.equal(
      webhookSignature('whsec_test', '1700000000', '{"a":1}'),
      'sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });

  it('sends every field, link null when there is none', () => {
    const message = incidentMessage({ link: undefined });
    const body = JSON.parse(webhookBody(message, new Date('2025-03-12T02:42:00Z')));
    assert.deepEqual(Object.keys(body), ['deliveryId', 'title', 'body', 'link', 'drill', 'locale', 'sentAt']);
    assert.equal(body.link, null);
    assert.equal(body.drill, false);
    assert.equal(body.sentAt, '2025-03-12T02:42:00.000Z');
  });
});

describe('webhook channel', () => {
  let receiver: HttpReceiver;
  // Roomy for ordinary sends on a loaded CI machine; a hurried client for the unanswered request.
  const channels = createChannels({ timeoutMs: 10_000 });
  const hurried = createChannels({ timeoutMs: 300 });
  const address = (secret = receiver.secrets.webhook ?? '') => ({
    channel: 'webhook' as const,
    url: receiver.urls.webhook,
    secret,
  });

  before(async () => {
    receiver = await startHttpReceiver();
  });
  after(() => receiver.close());

  it('delivers signed JSON that the receiver verifies, Chinese intact', async () => {
    const message = incidentMessage();
    await channels.webhook.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.ok(got, 'the receiver accepted the signature');
    assert.equal(got.title, message.title);
    assert.equal(got.body, message.body);
    assert.equal(got.payload.link, message.link);
    assert.equal(got.payload.locale, 'zh-CN');
  });

  it('marks a drill in the flag, the title and the body', async () => {
    const message = incidentMessage({ drill: true });
    await channels.webhook.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.equal(got?.payload.drill, true);
    assert.equal(got?.title, `【演练】${message.title}`);
    assert.equal(got?.body, `【演练】这是一次应急演练，不是真实事件。\n${message.body}`);
  });

  it('surfaces a wrong secret (401) and a stale timestamp as permanent', async () => {
    const wrong = await failureOf(() => channels.webhook.send(address('wrong'), incidentMessage(), new Date()));
    assert.ok(wrong instanceof PermanentDeliveryError);
    assert.match(wrong.message, /HTTP 401/);
    const stale = await failureOf(() =>
      channels.webhook.send(address(), incidentMessage(), new Date(Date.now() - 10 * 60_000)),
    );
    assert.ok(stale instanceof PermanentDeliveryError);
    assert.match(stale.message, /stale timestamp/);
  });

  it('treats 500, 429 and the receiver throttling as transient, honouring Retry-After', async () => {
    receiver.failNext('webhook', 1, 500);
    receiver.failNext('webhook', 1, 429, { retryAfter: '120' });
    receiver.failNext('webhook', 1, 'rate-limit');
    const errors = [];
    for (let i = 0; i < 3; i += 1)
      errors.push(await failureOf(() => channels.webhook.send(address(), incidentMessage(), new Date())));
    assert.ok(errors.every((error) => error instanceof TransientDeliveryError));
    assert.equal((errors[1] as TransientDeliveryError).retryAfterMs, 120_000);
  });

  it('treats other 4xx as permanent', async () => {
    receiver.failNext('webhook', 1, 'refusal');
    assert.ok(
      (await failureOf(() => channels.webhook.send(address(), incidentMessage(), new Date()))) instanceof
        PermanentDeliveryError,
    );
    const missing = { ...address(), url: `${receiver.baseUrl}/nowhere` };
    const error = await failureOf(() => channels.webhook.send(missing, incidentMessage(), new Date()));
    assert.ok(error instanceof PermanentDeliveryError);
    assert.match(error.message, /HTTP 404/);
  });

  it('treats a timeout and an unreachable host as transient', async () => {
    receiver.failNext('webhook', 1, 'hang');
    assert.ok(
      (await failureOf(() => hurried.webhook.send(address(), incidentMessage(), new Date()))) instanceof
        TransientDeliveryError,
    );
    const dead = { ...address(), url: await deadUrl('/hook') };
    assert.ok(
      (await failureOf(() => channels.webhook.send(dead, incidentMessage(), new Date()))) instanceof
        TransientDeliveryError,
    );
  });

  it('refuses a malformed URL as permanent, without echoing it', async () => {
    const error = await failureOf(() =>
      channels.webhook.send({ ...address(), url: 'hooks.example.cn/secret-token' }, incidentMessage(), new Date()),
    );
    assert.ok(error instanceof PermanentDeliveryError);
    assert.ok(!error.message.includes('secret-token'));
  });

  it('refuses an address of another channel as permanent', async () => {
    const error = await failureOf(() =>
      channels.webhook.send({ channel: 'wecom', url: receiver.urls.wecom }, incidentMessage(), new Date()),
    );
    assert.ok(error instanceof PermanentDeliveryError);
  });
});
