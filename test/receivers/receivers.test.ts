import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startHttpReceiver } from './http-receiver.js';
import type { HttpReceiver } from './http-receiver.js';
import { decodeWords, parseMail } from './mime.js';

/*
 * The receivers stand in for the providers, so they are tested on their own: a receiver that
 * accepted anything would let every signing test pass.
 */

const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (r) => r.json(),
  );

describe('HTTP receiver', () => {
  let receiver: HttpReceiver;
  const markdown = { msgtype: 'markdown', markdown: { title: 't', text: 'x\n\nSteady 消息编号：id-1' } };

  before(async () => {
    receiver = await startHttpReceiver({ secrets: { dingtalk: 'SECfixed+secret' }, keywords: ['Steady'] });
  });
  after(() => receiver.close());

  it('refuses a DingTalk sign that was not URL-encoded, as DingTalk does', async () => {
    // Pick a timestamp whose signature has a '+', which an unencoded query turns into a space.
    const signAt = (t: number) =>
      createHmac('sha256', 'SECfixed+secret').update(`${t}\nSECfixed+secret`).digest('base64');
    let ts = Date.now();
    while (!signAt(ts).includes('+')) ts += 1;
    const sign = signAt(ts);
    const base = `${receiver.urls.dingtalk}&timestamp=${ts}`;
    assert.deepEqual(await post(`${base}&sign=${sign}`, markdown), { errcode: 310000, errmsg: 'sign not match' });
    assert.deepEqual(await post(`${base}&sign=${encodeURIComponent(sign)}`, markdown), { errcode: 0, errmsg: 'ok' });
    assert.equal(receiver.received.at(-1)?.deliveryId, 'id-1');
  });

  it('refuses a message without a required keyword, and a wrong access token', async () => {
    const robot = await startHttpReceiver({ secrets: { dingtalk: null }, keywords: ['突发事件'] });
    try {
      assert.deepEqual(await post(robot.urls.dingtalk, markdown), {
        errcode: 310000,
        errmsg: 'keywords not in content',
      });
      assert.equal((await post(`${robot.baseUrl}/dingtalk?access_token=nope`, markdown)).errcode, 300005);
      assert.equal(robot.received.length, 0);
      assert.equal(robot.refused.length, 2);
    } finally {
      await robot.close();
    }
  });

  it('refuses an unsigned webhook with 401', async () => {
    const response = await fetch(receiver.urls.webhook, { method: 'POST', body: '{"deliveryId":"x"}' });
    assert.equal(response.status, 401);
  });

  it('refuses a Feishu body over 20 KB with 9499', async () => {
    const big = { msg_type: 'text', content: { text: 'Steady '.repeat(3000) } };
    assert.equal((await post(receiver.urls.feishu, big)).code, 9499);
  });

  it('binds to 127.0.0.1 only', () => {
    assert.match(receiver.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('MIME reading', () => {
  it('joins adjacent encoded words before decoding, so a character split between them survives', () => {
    const bytes = Buffer.from('火灾');
    const first = bytes.subarray(0, 4).toString('base64');
    const second = bytes.subarray(4).toString('base64');
    assert.equal(decodeWords(`=?UTF-8?B?${first}?=\r\n =?UTF-8?B?${second}?= 演练`), '火灾 演练');
    assert.equal(decodeWords('=?utf-8?Q?=E7=81=AB_x?='), '火 x');
  });

  it('reads folded headers and a quoted-printable body', () => {
    const mail = parseMail(
      'Subject: a\r\n b\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=E7=81=AB=\r\n=E7=81=BE\r\n',
    );
    assert.equal(mail.headers.get('subject'), 'a b');
    assert.equal(mail.text, '火灾\r\n');
  });
});
