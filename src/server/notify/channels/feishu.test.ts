import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deadUrl, failureOf, incidentMessage, longBody } from '../../../../test/receivers/fixtures.js';
import { startHttpReceiver } from '../../../../test/receivers/http-receiver.js';
import type { HttpReceiver } from '../../../../test/receivers/http-receiver.js';
import { PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import { FEISHU_BODY_MAX_BYTES, feishuRequestBody, feishuSign } from './feishu.js';
import { createChannels } from './index.js';

describe('Feishu signing', () => {
  // Computed with `openssl dgst -sha256 -mac HMAC -macopt key:"1700000000\nfeishu-secret"` over an empty input.
  it('keys the HMAC on "timestamp\\nsecret" over an empty message, as openssl computes it', () => {
    assert.equal(feishuSign('feishu-secret', '1700000000'), 'OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=');
  });

  it('puts timestamp (seconds) and sign at the top level of the body, not URL-encoded', () => {
    const body = JSON.parse(feishuRequestBody(incidentMessage(), 'feishu-secret', new Date(1700000000_000)));
    assert.equal(body.timestamp, '1700000000');
    assert.equal(body.sign, 'OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=');
    assert.equal(body.msg_type, 'post');
  });

  it('sends no signature fields for a robot without a secret', () => {
    const body = JSON.parse(feishuRequestBody(incidentMessage(), undefined, new Date()));
    assert.equal(body.timestamp, undefined);
    assert.equal(body.sign, undefined);
  });
});

describe('Feishu channel', () => {
  let receiver: HttpReceiver;
  // Roomy for ordinary sends on a loaded CI machine; a hurried client for the unanswered request.
  const channels = createChannels({ timeoutMs: 10_000 });
  const hurried = createChannels({ timeoutMs: 300 });
  const address = (secret = receiver.secrets.feishu ?? undefined) => ({
    channel: 'feishu' as const,
    url: receiver.urls.feishu,
    secret,
  });

  before(async () => {
    receiver = await startHttpReceiver({ keywords: ['Steady'] });
  });
  after(() => receiver.close());

  it('delivers a signed rich-text post in the message locale, Chinese intact, with the link as a link', async () => {
    const message = incidentMessage();
    await channels.feishu.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.ok(got, 'the robot accepted the message');
    assert.equal(got.format, 'post');
    assert.equal(got.title, message.title);
    assert.equal(got.body, `${message.body}\n查看详情\nSteady 消息编号：${message.deliveryId}`);
    const post = (got.payload.content as { post: Record<string, { content: unknown[][] }> }).post;
    assert.deepEqual(Object.keys(post), ['zh_cn']);
    assert.deepEqual(post.zh_cn?.content.at(-2), [{ tag: 'a', text: '查看详情', href: message.link }]);
  });

  it('uses en_us and DRILL for an English drill', async () => {
    const message = incidentMessage({ locale: 'en', drill: true, title: 'Incident: fire', body: 'All out.' });
    await channels.feishu.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.equal(got?.title, '[DRILL] Incident: fire');
    assert.match(got?.body ?? '', /^\[DRILL\] This is a drill, not a real incident\.\nAll out\./);
    assert.ok('en_us' in (got?.payload.content as { post: object }).post);
  });

  it('marks a zh-CN drill with 演练', async () => {
    const message = incidentMessage({ drill: true });
    await channels.feishu.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.equal(got?.title, `【演练】${message.title}`);
    assert.match(got?.body ?? '', /^【演练】/);
  });

  it('surfaces a wrong secret and a missing signature as permanent (19021)', async () => {
    const wrong = await failureOf(() => channels.feishu.send(address('wrong'), incidentMessage(), new Date()));
    assert.ok(wrong instanceof PermanentDeliveryError);
    assert.match(wrong.message, /19021/);
    const unsigned = { channel: 'feishu' as const, url: receiver.urls.feishu };
    assert.ok(
      (await failureOf(() => channels.feishu.send(unsigned, incidentMessage(), new Date()))) instanceof
        PermanentDeliveryError,
    );
  });

  it('surfaces the keyword check (19024) as permanent and 11232 as transient', async () => {
    receiver.failNext('feishu', 1, 'refusal');
    receiver.failNext('feishu', 1, 'rate-limit');
    const keyword = await failureOf(() => channels.feishu.send(address(), incidentMessage(), new Date()));
    assert.ok(keyword instanceof PermanentDeliveryError);
    assert.match(keyword.message, /19024/);
    assert.ok(
      (await failureOf(() => channels.feishu.send(address(), incidentMessage(), new Date()))) instanceof
        TransientDeliveryError,
    );
  });

  it('treats HTTP 500 and 429 as transient, honouring Retry-After', async () => {
    receiver.failNext('feishu', 1, 429, { retryAfter: '1' });
    receiver.failNext('feishu', 1, 500);
    const limited = await failureOf(() => channels.feishu.send(address(), incidentMessage(), new Date()));
    assert.ok(limited instanceof TransientDeliveryError);
    assert.equal(limited.retryAfterMs, 1000);
    assert.ok(
      (await failureOf(() => channels.feishu.send(address(), incidentMessage(), new Date()))) instanceof
        TransientDeliveryError,
    );
  });

  it('treats a timeout and an unreachable host as transient', async () => {
    receiver.failNext('feishu', 1, 'hang');
    assert.ok(
      (await failureOf(() => hurried.feishu.send(address(), incidentMessage(), new Date()))) instanceof
        TransientDeliveryError,
    );
    const dead = { channel: 'feishu' as const, url: await deadUrl('/open-apis/bot/v2/hook/x') };
    assert.ok(
      (await failureOf(() => channels.feishu.send(dead, incidentMessage(), new Date()))) instanceof
        TransientDeliveryError,
    );
  });

  it('keeps the whole request within 20 KB by cutting the body', async () => {
    const message = incidentMessage({ body: longBody() });
    const size = Buffer.byteLength(feishuRequestBody(message, 'feishu-secret', new Date()));
    assert.ok(size <= FEISHU_BODY_MAX_BYTES && size > FEISHU_BODY_MAX_BYTES - 100, `request is ${size} bytes`);
    await channels.feishu.send(address(), message, new Date());
    const got = receiver.received.find((r) => r.deliveryId === message.deliveryId);
    assert.ok(got, 'the robot accepted it: the body is within its limit');
    assert.match(got.body, /…\n查看详情\nSteady 消息编号：/);
  });
});
