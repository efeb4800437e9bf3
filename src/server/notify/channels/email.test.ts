import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { deadUrl, failureOf, incidentMessage } from '../../../../test/receivers/fixtures.js';
import { startSmtpReceiver } from '../../../../test/receivers/smtp-receiver.js';
import type { SmtpReceiver } from '../../../../test/receivers/smtp-receiver.js';
import { PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import type { Channel } from './channel.js';
import { classifySmtpError } from './email.js';
import { createChannels } from './index.js';

describe('SMTP error classification', () => {
  const kind = (error: object) => classifySmtpError(Object.assign(new Error('x'), error)).name;

  it('follows the reply class, 503 aside, and treats reply-less connection failures as transient', () => {
    assert.equal(kind({ responseCode: 421 }), 'TransientDeliveryError');
    assert.equal(kind({ responseCode: 452 }), 'TransientDeliveryError');
    assert.equal(kind({ responseCode: 550 }), 'PermanentDeliveryError');
    assert.equal(kind({ responseCode: 503 }), 'TransientDeliveryError');
    assert.equal(kind({ code: 'ECONNECTION' }), 'TransientDeliveryError');
    assert.equal(kind({ code: 'ETIMEDOUT' }), 'TransientDeliveryError');
    assert.equal(kind({ code: 'EENVELOPE' }), 'PermanentDeliveryError');
    assert.equal(kind({ code: 'EAUTH' }), 'PermanentDeliveryError');
  });
});

describe('e-mail channel', () => {
  let receiver: SmtpReceiver;
  let email: Channel;
  const to = { channel: 'email' as const, to: '园长 <head@kindergarten.example.cn>' };

  before(async () => {
    receiver = await startSmtpReceiver();
    email = createChannels({
      smtp: { url: receiver.url, from: 'Steady <alerts@steady.example.cn>' },
      timeoutMs: 2000,
    }).email;
  });
  after(() => receiver.close());

  const deliversMessageIdX =
    'delivers with Message-ID and X-Steady-Delivery from the delivery id, Chinese subject and body intact';
  it(deliversMessageIdX, async () => {
    const message = incidentMessage();
    const result = await email.send(to, message, new Date('2025-03-12T02:42:00Z'));
    assert.match(result.providerId ?? '', /^250/);
    const got = receiver.messages.find((m) => m.deliveryId === message.deliveryId);
    assert.ok(got, 'the server received the message');
    assert.equal(got.messageId, `<${message.deliveryId}@steady>`);
    assert.equal(got.subject, message.title);
    assert.deepEqual(got.to, ['head@kindergarten.example.cn']);
    assert.equal(got.headers.get('date'), 'Wed, 12 Mar 2025 02:42:00 +0000');
    assert.equal(got.text.replace(/\r\n/g, '\n').trimEnd(), `${message.body}\n\n${message.link}`);
  });

  it('marks a drill in the subject and the body', async () => {
    const message = incidentMessage({ drill: true, link: undefined });
    await email.send(to, message, new Date());
    const got = receiver.messages.find((m) => m.deliveryId === message.deliveryId);
    assert.equal(got?.subject, `【演练】${message.title}`);
    assert.match(got?.text ?? '', /^【演练】这是一次应急演练，不是真实事件。\r?\n/);
  });

  it('marks a drill once when the title already carries the marker (no 【演练】【演练】)', async () => {
    for (const [locale, marked] of [
      ['zh-CN', '【演练】城关幼儿园 火灾 Ⅱ级'],
      ['en', '[DRILL] Chengguan Kindergarten fire II'],
    ] as const) {
      const message = incidentMessage({ drill: true, link: undefined, locale, title: marked });
      await email.send(to, message, new Date());
      const got = receiver.messages.find((m) => m.deliveryId === message.deliveryId);
      assert.equal(got?.subject, marked);
    }
  });

  it('treats a 4xx reply as transient and a 5xx reply as permanent, at RCPT TO and after DATA', async () => {
    receiver.rejectNext(1, { code: 451 });
    receiver.rejectNext(1, { code: 550 });
    receiver.rejectNext(1, { code: 452, stage: 'data' });
    receiver.rejectNext(1, { code: 554, stage: 'data' });
    const kinds = [];
    for (let i = 0; i < 4; i += 1)
      kinds.push((await failureOf(() => email.send(to, incidentMessage(), new Date()))).constructor);
    assert.deepEqual(kinds, [
      TransientDeliveryError,
      PermanentDeliveryError,
      TransientDeliveryError,
      PermanentDeliveryError,
    ]);
    await email.send(to, incidentMessage(), new Date());
  });

  it('treats an unreachable server as transient', async () => {
    const dead = (await deadUrl()).replace('http:', 'smtp:').replace(/\/$/, '');
    const offline = createChannels({ smtp: { url: dead, from: 'alerts@steady.example.cn' }, timeoutMs: 1000 }).email;
    assert.ok(
      (await failureOf(() => offline.send(to, incidentMessage(), new Date()))) instanceof TransientDeliveryError,
    );
  });

  it('treats a server that never greets as transient, within the timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const mute = createChannels({ smtp: { url, from: 'alerts@steady.example.cn' }, timeoutMs: 300 }).email;
    const started = Date.now();
    const error = await failureOf(() => mute.send(to, incidentMessage(), new Date()));
    silent.close();
    assert.ok(error instanceof TransientDeliveryError);
    assert.ok(Date.now() - started < 2000, 'gave up at the timeout');
  });

  it('fails permanently when no SMTP server is configured', async () => {
    const error = await failureOf(() => createChannels().email.send(to, incidentMessage(), new Date()));
    assert.ok(error instanceof PermanentDeliveryError);
  });
});
