import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { docxText } from '../../../../test/helpers/docx.js';

const SCHEMA = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'cap', 'CAP-v1.2.xsd');

for (const dialect of dialectsUnderTest()) {
  describe(`incident exports (${dialect})`, () => {
    let t: TestApp;
    let head: Client;
    let id: string;
    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      head = await t.signIn('k2.head');
      const k2 = await unitIdByName(t, '城关镇阳光幼儿园');
      const res = await head.post('/api/v1/incidents', {
        unitId: k2,
        type: 'injury',
        severity: 4,
        place: '滑梯',
        description: '幼儿从滑梯摔下，擦伤膝盖',
      });
      id = res.json().id;
    });
    after(() => t.close());

    it('exports a CAP 1.2 alert that the OASIS schema accepts', async () => {
      const res = await head.get(`/api/v1/incidents/${id}/cap.xml`);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /application\/cap\+xml/);
      const file = join(mkdtempSync(join(tmpdir(), 'cap-http-')), 'a.xml');
      writeFileSync(file, res.body);
      const lint = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
      assert.equal(lint.status, 0, `${lint.stdout}${lint.stderr}`);
      assert.match(res.body, /<severity>Minor<\/severity>/);
    });

    it('the after-action report exports as .docx once filed', async () => {
      assert.equal((await head.get(`/api/v1/incidents/${id}/after-action.docx`)).statusCode, 409);
      const closed = await head.post(`/api/v1/incidents/${id}/close`, {
        report: {
          whatHappened: '幼儿从滑梯摔下',
          causes: '滑梯底部缓冲垫移位',
          actionsTaken: '校医处理伤口，通知家长',
          lessons: '每日检查缓冲垫',
          followUps: [],
        },
      });
      assert.equal(closed.statusCode, 204, closed.body);
      const res = await head.get(`/api/v1/incidents/${id}/after-action.docx`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.rawPayload.subarray(0, 2).toString(), 'PK');
      assert.ok(res.rawPayload.length > 5000);
    });

    it('documents are in the unit’s language whatever the reader’s screen, unless another is asked for', async () => {
      const english = { 'accept-language': 'en' };
      const cap = await head.get(`/api/v1/incidents/${id}/cap.xml`, english);
      assert.match(cap.body, /<language>zh-CN<\/language>/, 'a Chinese kindergarten’s alert is in Chinese');
      const capEn = await head.get(`/api/v1/incidents/${id}/cap.xml?lang=en`);
      assert.match(capEn.body, /<language>en<\/language>/, 'unless English is asked for');
      const report = docxText((await head.get(`/api/v1/incidents/${id}/after-action.docx`, english)).rawPayload);
      assert.match(report, /意外伤害/);
      const reportEn = docxText((await head.get(`/api/v1/incidents/${id}/after-action.docx?lang=en`)).rawPayload);
      assert.doesNotMatch(reportEn, /意外伤害/);
      const bad = await head.get(`/api/v1/incidents/${id}/cap.xml?lang=fr`, english);
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'lang');
    });
  });
}
