import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../../test/receivers/smtp-receiver.js';
import { FakeClock } from '../lib/clock.js';
import { createChannels } from './channels/index.js';

const T0 = new Date('2027-05-10T02:00:00.000Z');
const EN = { 'accept-language': 'en' };
const ZH = { 'accept-language': 'zh-CN' };

// A Chinese school with two accountable heads: one has chosen English, the other has not. One
// incident, one step: each is written to in their own language, by e-mail and in the app.
for (const dialect of dialectsUnderTest()) {
  describe(`every message in the reader's language (${dialect})`, () => {
    let t: TestApp;
    let smtp: SmtpReceiver;
    let head: Client;
    let safety: Client;
    let incidentId: string;

    before(async () => {
      smtp = await startSmtpReceiver();
      t = await createTestApp(dialect, {
        demo: true,
        clock: new FakeClock(T0),
        channels: createChannels({ smtp: { url: smtp.url, from: 'steady@test' }, timeoutMs: 2000 }),
      });
      const s3 = await unitIdByName(t, '城关镇初级中学');
      const admin = await t.signIn('admin');
      head = await t.signIn('s3.head');
      safety = await t.signIn('s3.safety');
      const granted = await admin.post(`/api/v1/people/${safety.me.personId}/roles`, {
        unitId: s3,
        role: 'accountable_head',
        reason: '第二位负责人',
      });
      assert.equal(granted.statusCode, 200, granted.body);
      for (const [who, to] of [
        [head, 'head@s3.example'],
        [safety, 'safety@s3.example'],
      ] as const) {
        const set = await admin.inject({
          method: 'PUT',
          url: `/api/v1/people/${who.me.personId}/contacts`,
          payload: { methods: [{ channel: 'email', to }] },
        });
        assert.equal(set.statusCode, 200, set.body);
      }
      const chosen = await head.inject({ method: 'PUT', url: '/api/v1/me/language', payload: { language: 'en' } });
      assert.equal(chosen.statusCode, 204, chosen.body);
      const teacher = await t.signIn('s3.teacher1');
      const reported = await teacher.post('/api/v1/incidents', {
        unitId: s3,
        type: 'fire',
        severity: 3,
        place: '实验楼',
        description: '化学实验室冒烟',
      });
      assert.equal(reported.statusCode, 201, reported.body);
      incidentId = reported.json().id;
      await t.c.deliveries.tick();
    });
    after(async () => {
      await t?.close();
      await smtp?.close();
    });

    it('a person can choose their language; anything but zh-CN, en or null is refused, naming the field', async () => {
      assert.equal((await head.get('/api/v1/auth/me')).json().language, 'en');
      assert.equal((await safety.get('/api/v1/auth/me')).json().language, null, 'not chosen: the unit’s');
      const bad = await safety.inject({
        method: 'PUT',
        url: '/api/v1/me/language',
        payload: { language: 'fr' },
        headers: EN,
      });
      assert.equal(bad.statusCode, 400);
      assert.ok(
        bad.json().errors.some((e: { field: string }) => e.field === 'language'),
        bad.body,
      );
      assert.equal((await safety.get('/api/v1/auth/me')).json().language, null, 'nothing changed');
    });

    const headWhoChoseEnglish =
      'the head who chose English gets an English e-mail; the other head of the same Chinese school a Chinese one';
    it(headWhoChoseEnglish, async () => {
      const english =
        smtp.messages.find((m) => m.to.includes('head@s3.example')) ?? assert.fail('no e-mail to the head');
      const chinese =
        smtp.messages.find((m) => m.to.includes('safety@s3.example')) ?? assert.fail('no e-mail to the second head');
      assert.equal(english.subject, '[Incident] 城关镇初级中学 · fire · severity Ⅲ');
      assert.match(english.text, /实验楼: 化学实验室冒烟/);
      assert.match(english.text, /Please acknowledge receipt by \d\d:\d\d \(10-minute limit\)/);
      assert.equal(chinese.subject, '【突发事件】城关镇初级中学 · 火灾 · Ⅲ级');
      assert.match(chinese.text, /实验楼：化学实验室冒烟/);
      assert.match(chinese.text, /请在 \d\d:\d\d 前确认收到（10 分钟时限）/);
    });

    it('in the app each reads the same notification in their screen’s language', async () => {
      const mine = async (who: Client, headers: Record<string, string>) =>
        (await who.get('/api/v1/notifications', headers))
          .json()
          .items.find((n: { incidentId: string }) => n.incidentId === incidentId) ?? assert.fail('no notification');
      assert.equal((await mine(head, EN)).title, '[Incident] 城关镇初级中学 · fire · severity Ⅲ');
      assert.equal((await mine(safety, ZH)).title, '【突发事件】城关镇初级中学 · 火灾 · Ⅲ级');
      // The wording is kept, not only the text it was first written in: a Chinese screen reads it in Chinese.
      const onChineseScreen = await mine(head, ZH);
      assert.equal(onChineseScreen.title, '【突发事件】城关镇初级中学 · 火灾 · Ⅲ级');
      assert.match(onChineseScreen.body, /请在 \d\d:\d\d 前确认收到/);
    });
  });
}
