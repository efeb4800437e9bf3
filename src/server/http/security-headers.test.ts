import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

for (const dialect of dialectsUnderTest()) {
  describe(`security headers (${dialect})`, () => {
    let t: TestApp;
    let webDir: string;
    before(async () => {
      webDir = mkdtempSync(join(tmpdir(), 'steady-web-'));
      writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Steady</title><div id="root"></div>');
      t = await createTestApp(dialect, { env: { STEADY_WEB_DIR: webDir } });
    });
    after(async () => {
      await t.close();
      rmSync(webDir, { recursive: true, force: true });
    });

    it('every page, API answer, error and the docs page carries the same protective headers', async () => {
      for (const url of [
        '/',
        '/incidents/new',
        '/api/v1/openapi.json',
        '/api/v1/units',
        '/api/v1/docs/',
        '/api/v1/nothing',
      ]) {
        const res = await t.app.inject(url);
        const h = res.headers;
        assert.equal(h['x-content-type-options'], 'nosniff', url);
        assert.equal(h['x-frame-options'], 'DENY', url);
        assert.equal(h['referrer-policy'], 'no-referrer', url);
        assert.match(String(h['permissions-policy']), /(^|, )camera=\(self\)/, url);
        assert.match(String(h['permissions-policy']), /microphone=\(\)/, url);
        const csp = directives(String(h['content-security-policy']));
        assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], url);
        assert.deepEqual(csp.get('script-src'), ["'self'"], `${url}: no inline or eval'd script`);
        assert.deepEqual(csp.get('object-src'), ["'none'"], url);
        assert.equal(csp.has('upgrade-insecure-requests'), false, 'plain HTTP keeps working until HTTPS is turned on');
        assert.equal(h['strict-transport-security'], undefined);
      }
    });

    it('the app page is the built index, under that policy', async () => {
      const page = await t.app.inject('/duty');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /id="root"/);
      assert.ok(page.headers['content-security-policy']);
    });
  });

  describe(`security headers behind HTTPS (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { env: { STEADY_SECURE_COOKIES: 'true' } });
    });
    after(() => t.close());

    it('tells browsers to stay on HTTPS', async () => {
      const res = await t.app.inject('/api/v1/openapi.json');
      assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
      assert.ok(directives(String(res.headers['content-security-policy'])).has('upgrade-insecure-requests'));
    });
  });
}
