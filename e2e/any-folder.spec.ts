import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoServer, type RunningServer } from './helpers/server.js';

/*
 * Started from another folder (a service manager's, a cron job's), the server still finds its own
 * built front end: the app and a patrol QR link answer the page, not 404.
 */
describe('a server started from another folder', () => {
  let server: RunningServer;
  let elsewhere: string;

  before(async () => {
    elsewhere = mkdtempSync(join(tmpdir(), 'steady-cwd-'));
    server = await startDemoServer({ demo: false, cwd: elsewhere });
  });
  after(async () => {
    await server?.stop();
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('serves the app and the patrol QR links', async () => {
    for (const path of ['/', '/patrols/c/0123456789abcdef']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/, path);
      assert.match(await response.text(), /<div id="root">/, path);
    }
    const api = await fetch(`${server.url}/api/v1/no-such-thing`);
    assert.match(
      api.headers.get('content-type') ?? '',
      /^application\/problem\+json/,
      'an API path is answered as the API, never with the page',
    );
  });
});
