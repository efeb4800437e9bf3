import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { RequestSummary, SUMMARY_MESSAGE } from './request-log.js';

describe('the per-minute request summary', () => {
  it('counts requests, client and server errors, and gives the median and 99th percentile', () => {
    const summary = new RequestSummary();
    const times = Array.from({ length: 100 }, (_, i) => i + 1); // 1 … 100 ms
    for (const ms of times.toReversed()) summary.record(ms === 7 ? 404 : ms === 9 ? 503 : ms === 11 ? 400 : 200, ms);
    assert.deepEqual(summary.take(), { requests: 100, status4xx: 2, status5xx: 1, p50Ms: 50, p99Ms: 99 });
  });

  it('says nothing for a minute without requests, and starts again after each take', () => {
    const summary = new RequestSummary();
    assert.equal(summary.take(), null);
    summary.record(200, 3.14159);
    assert.deepEqual(summary.take(), { requests: 1, status4xx: 0, status5xx: 0, p50Ms: 3.1, p99Ms: 3.1 });
    assert.equal(summary.take(), null);
  });
});

describe('request logs at info', () => {
  let t: TestApp;
  let app: FastifyInstance;
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];

  before(async () => {
    t = await createTestApp('sqlite');
    const c = { ...t.c, config: { ...t.c.config, logLevel: 'info' } };
    app = await buildApp(c, { logStream: { write: (line) => void lines.push(JSON.parse(line)) } });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await t.close();
  });

  it('writes no line per request, then one summary line with the figures', async () => {
    assert.equal(loadConfig({}).logLevel, 'info', 'info is the default level');
    for (let i = 0; i < 3; i++) assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode, 401);
    assert.deepEqual(
      lines.filter((l) => /request/.test(l.msg) && l.msg !== SUMMARY_MESSAGE),
      [],
      'no per-request lines at info',
    );
    app.writeRequestSummary();
    const summaries = lines.filter((l) => l.msg === SUMMARY_MESSAGE);
    assert.equal(summaries.length, 1);
    assert.equal(summaries[0]!.level, 30, 'at info');
    assert.deepEqual([summaries[0]!.requests, summaries[0]!.status4xx, summaries[0]!.status5xx], [5, 2, 0]);
    assert.ok(typeof summaries[0]!.p50Ms === 'number' && typeof summaries[0]!.p99Ms === 'number');
    app.writeRequestSummary();
    assert.equal(lines.filter((l) => l.msg === SUMMARY_MESSAGE).length, 1, 'no line when there were no requests');
  });

  it('at debug, each request has its lines', async () => {
    const debugLines: { level: number; msg: string }[] = [];
    const debugApp = await buildApp(
      { ...t.c, config: { ...t.c.config, logLevel: 'debug' } },
      { logStream: { write: (line) => void debugLines.push(JSON.parse(line)) } },
    );
    await debugApp.ready();
    await debugApp.inject({ method: 'GET', url: '/healthz' });
    await debugApp.close();
    assert.deepEqual(
      debugLines.filter((l) => /^(incoming request|request completed)$/.test(l.msg)).map((l) => [l.level, l.msg]),
      [
        [20, 'incoming request'],
        [20, 'request completed'],
      ],
    );
  });
});
