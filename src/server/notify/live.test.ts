import pg from 'pg';
import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../test/helpers/app.js';
import { dialectsUnderTest, TEST_PG_URL } from '../../../test/helpers/dialects.js';
import { LiveBus, type LiveBatch } from './live-bus.js';
import { MAX_BUFFERED_BYTES } from './live-streams.js';

interface Frame {
  id?: string;
  event: string;
}

/** Reads server-sent events from a real HTTP connection until `want` events (other than `ready`) have come. */
async function readEvents(
  url: string,
  cookie: string,
  want: number,
  act: () => Promise<void> | void,
  lastEventId?: string,
): Promise<Frame[]> {
  const controller = new AbortController();
  const headers: Record<string, string> = { cookie, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) };
  const res = await fetch(url, { headers, signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = res.body!.getReader();
  const frames: Frame[] = [];
  let buffer = '';
  let acted = false;
  const timeout = setTimeout(() => controller.abort(), 10_000);
  try {
    while (frames.filter((f) => f.event !== 'ready').length < want) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) {
        const event = /^event: (\S+)$/m.exec(block)?.[1];
        if (event) frames.push({ event, id: /^id: (\S+)$/m.exec(block)?.[1] });
      }
      if (!acted && frames.some((f) => f.event === 'ready')) {
        acted = true;
        await act();
      }
    }
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
  return frames;
}

const named = (frames: Frame[]) => frames.map((f) => f.event).filter((e) => e !== 'ready');

interface RawStream {
  headers: IncomingHttpHeaders;
  /** Everything received so far, as sent. */
  body: () => string;
  close: () => void;
}

/** A live stream on a plain HTTP/1.1 connection, its body kept byte for byte; resolves once `ready` came. */
function openRaw(url: string, cookie: string): Promise<RawStream> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/v1/live', headers: { cookie } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const first = !body.includes('event: ready');
        body += chunk;
        if (first && body.includes('event: ready\ndata: {}\n\n'))
          resolve({ headers: res.headers, body: () => body, close: () => req.destroy() });
      });
    });
    req.on('error', reject);
    req.end();
  });
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
      const frames = await readEvents(`${url}/api/v1/live`, head.cookie, 2, async () => {
        const res = await teacher.post('/api/v1/incidents', {
          unitId: k3,
          type: 'missing_child',
          severity: 3,
          place: '户外活动场地',
          description: '一名幼儿未归队',
        });
        assert.equal(res.statusCode, 201);
      });
      assert.deepEqual(named(frames).sort(), ['incident', 'notification']);
      assert.ok(
        frames.every((f) => f.id),
        'every event carries an id to resume from',
      );
    });

    it('an outsider’s stream stays quiet', async () => {
      const outsider = await t.signIn('s1.head');
      const frames = await readEvents(`${url}/api/v1/live`, outsider.cookie, 1, async () => {
        await teacher.post('/api/v1/incidents', {
          unitId: k3,
          type: 'injury',
          severity: 4,
          place: '午睡室',
          description: '擦伤',
        });
        t.c.bus.publish({ kind: 'notification', personId: outsider.me.personId });
      });
      assert.deepEqual(named(frames), ['notification'], 'only the event addressed to them');
    });

    it('events of one tick reach a subscriber as one batch', async () => {
      const batches: LiveBatch[] = [];
      const stop = t.c.bus.subscribe((batch) => batches.push(batch));
      for (let i = 0; i < 50; i++) t.c.bus.publish({ kind: 'notification', personId: `p-${i}` });
      await new Promise((r) => setTimeout(r, 200));
      stop();
      assert.deepEqual(
        batches.map((b) => b.events.length),
        [50],
      );
    });

    it('a reconnect with Last-Event-ID gets exactly what it missed, in order; an unknown id gets resync', async () => {
      const seen = await readEvents(`${url}/api/v1/live`, head.cookie, 1, () =>
        t.c.bus.publish({ kind: 'notification', personId: head.me.personId }),
      );
      const last = seen.at(-1)!.id!;
      // Disconnected: three changes go by, one of them not the head's.
      t.c.bus.publish({ kind: 'notification', personId: head.me.personId });
      t.c.bus.publish({ kind: 'notification', personId: 'someone-else' });
      t.c.bus.publish({ kind: 'incident', incidentId: 'i-1', unitPath: `/x/${k3}/` });
      await new Promise((r) => setTimeout(r, 100));
      const resumed = await readEvents(`${url}/api/v1/live`, head.cookie, 2, () => undefined, last);
      assert.deepEqual(named(resumed), ['notification', 'incident']);
      const again = await readEvents(
        `${url}/api/v1/live`,
        head.cookie,
        1,
        () => t.c.bus.publish({ kind: 'notification', personId: head.me.personId }),
        resumed.at(-1)!.id,
      );
      assert.deepEqual(named(again), ['notification'], 'nothing replayed twice, the live event once');
      const lost = await readEvents(`${url}/api/v1/live`, head.cookie, 1, () => undefined, 'from-another-life.1');
      assert.deepEqual(named(lost), ['resync']);
    });

    const eachStreamItsAudience =
      'each stream gets exactly its audience’s events of a batch, in order, in a body without chunk framing';
    it(eachStreamItsAudience, async () => {
      const outsider = await t.signIn('s1.head');
      const [headA, headB, other, teacherStream] = await Promise.all(
        [head, head, outsider, teacher].map((c) => openRaw(url, c.cookie)),
      );
      for (const s of [headA!, headB!, other!, teacherStream!]) {
        assert.equal(s.headers['transfer-encoding'], undefined, 'not chunked');
        assert.equal(s.headers.connection, 'close', 'the body runs to the end of the connection');
      }
      const ids: string[] = [];
      const stop = t.c.bus.subscribe((batch) => ids.push(...batch.events.map((e) => e.id)));
      // One tick: four events, each for a different audience.
      t.c.bus.publish({ kind: 'incident', incidentId: 'i-batch', unitPath: `/x/${k3}/` });
      t.c.bus.publish({ kind: 'notification', personId: outsider.me.personId });
      t.c.bus.publish({ kind: 'todo', personId: head.me.personId });
      t.c.bus.publish({ kind: 'notification', personId: teacher.me.personId });
      const deadline = Date.now() + 5_000;
      while (!teacherStream!.body().includes('event: notification') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      stop();
      const [incident, toOutsider, todo, toTeacher] = ids;
      const after = (s: RawStream) => s.body().slice(s.body().indexOf('event: ready\ndata: {}\n\n') + 23);
      const incidentFrame = `id: ${incident}\nevent: incident\ndata: {"incidentId":"i-batch"}\n\n`;
      const headFrames = `${incidentFrame}id: ${todo}\nevent: todo\ndata: {}\n\n`;
      assert.equal(after(headA!), headFrames);
      assert.equal(after(headB!), headFrames, 'the head’s second screen the same');
      assert.equal(after(other!), `id: ${toOutsider}\nevent: notification\ndata: {}\n\n`);
      // The teacher works in the kindergarten too: the same incident, then their own notification.
      assert.equal(after(teacherStream!), `${incidentFrame}id: ${toTeacher}\nevent: notification\ndata: {}\n\n`);
      [headA, headB, other, teacherStream].forEach((s) => s!.close());
    });

    it('a client that stops reading is dropped without holding the others back', async () => {
      const { port } = new URL(url);
      // A raw socket that never reads: its unsent output piles up until the stream is closed.
      const stalled = request({ host: '127.0.0.1', port, path: '/api/v1/live', headers: { cookie: head.cookie } });
      const closed = new Promise<void>((resolve) =>
        stalled.on('response', (res) => {
          res.pause();
          res.socket.on('close', () => resolve());
        }),
      );
      stalled.end();
      await new Promise((r) => setTimeout(r, 200));
      const before = t.c.live.slowDropped;
      const big = 'x'.repeat(20_000);
      const others = readEvents(`${url}/api/v1/live`, teacher.cookie, 1, () => undefined);
      await new Promise((r) => setTimeout(r, 200));
      // Loopback buffers in the kernel take some megabytes before the server's side backs up.
      const deadline = Date.now() + 10_000;
      while (t.c.live.slowDropped === before && Date.now() < deadline) {
        for (let i = 0; i < 100; i++) t.c.bus.publish({ kind: 'incident', incidentId: big, unitPath: `/${k3}/` });
        await new Promise((r) => setTimeout(r, 10));
      }
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2_000))]);
      assert.equal(t.c.live.slowDropped, before + 1, `closed once more than ${MAX_BUFFERED_BYTES} bytes waited`);
      assert.ok(named(await others).length >= 1, 'the teacher’s stream went on');
    });
  });
}

if (dialectsUnderTest().includes('postgres')) {
  describe('live updates across instances (postgres LISTEN/NOTIFY)', () => {
    const collect = (bus: LiveBus) => {
      const got: LiveBatch[] = [];
      bus.subscribe((batch) => got.push(batch));
      return got;
    };
    const until = async (check: () => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(check());
    };

    const eventsPublishedBothInstances =
      'events published on both instances reach both, in the same order under the same ids, and resume on either';
    it(eventsPublishedBothInstances, async () => {
      const a = new LiveBus({ url: TEST_PG_URL });
      const b = new LiveBus({ url: TEST_PG_URL });
      await a.start();
      await b.start();
      const atA = collect(a);
      const atB = collect(b);
      for (let i = 0; i < 300; i++) (i % 2 ? a : b).publish({ kind: 'notification', personId: `p-${i}` });
      const ids = (batches: LiveBatch[]) => batches.flatMap((x) => x.events.map((e) => e.id));
      await until(() => ids(atA).length === 300 && ids(atB).length === 300);
      assert.deepEqual(ids(atA), ids(atB));
      assert.equal(new Set(ids(atA)).size, 300, 'each event once');
      assert.ok(atA.length < 300, `batched: ${atA.length} batches for 300 events`);
      const middle = ids(atA)[149]!;
      assert.deepEqual(
        b.since(middle)!.map((e) => e.id),
        ids(atA).slice(150),
        'a screen that saw 150 on a resumes on b',
      );
      await a.stop();
      await b.stop();
    });

    const listenerWhoseConnectionDropped =
      'a listener whose connection dropped connects again, tells its screens to re-read, and events flow once more';
    it(listenerWhoseConnectionDropped, async () => {
      const a = new LiveBus({ url: TEST_PG_URL });
      const b = new LiveBus({ url: TEST_PG_URL });
      await a.start();
      await b.start();
      const atB = collect(b);
      const killed = b.listenerPid;
      assert.ok(killed, 'b listens through PostgreSQL');
      const admin = new pg.Client({ connectionString: TEST_PG_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [killed]);
      await admin.end();
      await until(() => b.listenerPid !== undefined && b.listenerPid !== killed);
      await until(() => atB.some((x) => x.resync));
      a.publish({ kind: 'notification', personId: 'p-after-reconnect' });
      await until(() =>
        atB.some((x) =>
          x.events.some((e) => e.event.kind === 'notification' && e.event.personId === 'p-after-reconnect'),
        ),
      );
      await a.stop();
      await b.stop();
    });
  });
}
