import pg from 'pg';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../test/helpers/app.js';
import { dialectsUnderTest, TEST_PG_URL } from '../../../test/helpers/dialects.js';
import { LiveBus, type LiveEvent } from './live-bus.js';

/** Reads server-sent events from a real HTTP connection until `want` events have come. */
async function readEvents(url: string, cookie: string, want: number, act: () => Promise<void>): Promise<string[]> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { cookie }, signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = res.body!.getReader();
  const events: string[] = [];
  let buffer = '';
  await reader.read();
  await act();
  const timeout = setTimeout(() => controller.abort(), 10_000);
  try {
    while (events.length < want) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      for (const match of buffer.matchAll(/^event: (\w+)$/gm)) events.push(match[1]!);
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
  return events;
}

for (const dialect of dialectsUnderTest()) {
  describe(`live updates (${dialect})`, () => {
    let t: TestApp;
    let url: string;
    let head: Client;
    let teacher: Client;
    let k3: string;
    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      url = await t.app.listen({ port: 0, host: '127.0.0.1' });
      head = await t.signIn('k3.head');
      teacher = await t.signIn('k3.teacher1');
      k3 = await unitIdByName(t, '石桥镇中心幼儿园');
    });
    after(() => t.close());

    it('a report reaches the head’s open screen as events, without asking', async () => {
      const events = await readEvents(`${url}/api/v1/live`, head.cookie, 2, async () => {
        const res = await teacher.post('/api/v1/incidents', { unitId: k3, type: 'missing_child', severity: 3, place: '户外活动场地', description: '一名幼儿未归队' });
        assert.equal(res.statusCode, 201);
      });
      assert.deepEqual(events.sort(), ['incident', 'notification']);
    });

    it('an outsider’s stream stays quiet', async () => {
      const outsider = await t.signIn('s1.head');
      const events = await readEvents(`${url}/api/v1/live`, outsider.cookie, 1, async () => {
        await teacher.post('/api/v1/incidents', { unitId: k3, type: 'injury', severity: 4, place: '午睡室', description: '擦伤' });
        t.c.bus.publish({ kind: 'notification', personId: outsider.me.personId });
      });
      assert.deepEqual(events, ['notification'], 'only the event addressed to them');
    });
  });
}

if (dialectsUnderTest().includes('postgres')) {
  describe('live updates across instances (postgres LISTEN/NOTIFY)', () => {
    it('an event published on one instance reaches the other', async () => {
      const a = new LiveBus({ url: TEST_PG_URL });
      const b = new LiveBus({ url: TEST_PG_URL });
      await a.start();
      await b.start();
      const received = new Promise<LiveEvent>((resolve) => b.subscribe(resolve));
      a.publish({ kind: 'notification', personId: 'p-cross-instance' });
      assert.deepEqual(await received, { kind: 'notification', personId: 'p-cross-instance' });
      await a.stop();
      await b.stop();
    });

    it('a listener whose connection dropped connects again, and events flow once more', async () => {
      const a = new LiveBus({ url: TEST_PG_URL });
      const b = new LiveBus({ url: TEST_PG_URL });
      await a.start();
      await b.start();
      const killed = b.listenerPid;
      assert.ok(killed, 'b listens through PostgreSQL');
      const admin = new pg.Client({ connectionString: TEST_PG_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [killed]);
      await admin.end();
      const deadline = Date.now() + 10_000;
      while ((b.listenerPid === undefined || b.listenerPid === killed) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(b.listenerPid && b.listenerPid !== killed, 'b listens on a new connection');
      const received = new Promise<LiveEvent>((resolve) => b.subscribe(resolve));
      a.publish({ kind: 'notification', personId: 'p-after-reconnect' });
      assert.deepEqual(await received, { kind: 'notification', personId: 'p-after-reconnect' });
      await a.stop();
      await b.stop();
    });
  });
}
