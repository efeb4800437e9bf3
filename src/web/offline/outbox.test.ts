import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOutbox, type OutgoingRequest } from './outbox.js';
import { memoryStore } from './store.js';

class HttpFailure extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** An outbox over a scripted server: `answers[path]` is the status it gives (200 unless told). */
function setup() {
  const sent: OutgoingRequest[] = [];
  const answers = new Map<string, number>();
  const world = { online: true, clock: Date.parse('2026-12-09T08:00:00Z') };
  const outbox = createOutbox({
    store: memoryStore(),
    send: async (request) => {
      if (!world.online) throw new HttpFailure(0);
      const status = answers.get(request.path) ?? 200;
      if (status >= 400) throw new HttpFailure(status);
      sent.push(request);
    },
    statusOf: (error) => (error instanceof HttpFailure ? error.status : 0),
    reasonOf: (error) => String(error),
    isOnline: () => world.online,
    now: () => new Date((world.clock += 1000)),
  });
  return { outbox, sent, answers, world };
}

const write = (key: string, path = '/visitors'): OutgoingRequest => ({
  key,
  method: 'POST',
  path,
  body: { clientKey: key },
  label: key,
});

describe('the offline outbox', () => {
  it('sends at once when online', async () => {
    const { outbox, sent } = setup();
    await outbox.setOwner('a1');
    assert.equal(await outbox.sendOrQueue(write('k1')), 'sent');
    assert.deepEqual(
      sent.map((r) => r.key),
      ['k1'],
    );
    assert.equal(outbox.state().pending.length, 0);
  });

  it('queues offline and sends in order when the network returns', async () => {
    const { outbox, sent, world } = setup();
    await outbox.setOwner('a1');
    world.online = false;
    assert.equal(await outbox.sendOrQueue(write('k1')), 'queued');
    assert.equal(await outbox.sendOrQueue(write('k2')), 'queued');
    assert.equal(outbox.state().pending.length, 2);
    await outbox.flush();
    assert.equal(sent.length, 0, 'nothing goes while offline');
    world.online = true;
    await outbox.flush();
    assert.deepEqual(
      sent.map((r) => r.key),
      ['k1', 'k2'],
    );
    assert.equal(outbox.state().pending.length, 0);
  });

  it('queues when the network fails mid-send or the server answers 5xx, and keeps it on a 5xx flush', async () => {
    const { outbox, sent, answers } = setup();
    await outbox.setOwner('a1');
    answers.set('/visitors', 503);
    assert.equal(await outbox.sendOrQueue(write('k1')), 'queued');
    await outbox.flush();
    assert.equal(outbox.state().pending.length, 1);
    assert.equal(outbox.state().failed.length, 0);
    answers.delete('/visitors');
    await outbox.flush();
    assert.deepEqual(
      sent.map((r) => r.key),
      ['k1'],
    );
  });

  it('throws a 4xx at once and keeps nothing', async () => {
    const { outbox, answers } = setup();
    await outbox.setOwner('a1');
    answers.set('/visitors', 422);
    await assert.rejects(outbox.sendOrQueue(write('k1')), (error: HttpFailure) => error.status === 422);
    assert.equal(outbox.state().pending.length, 0);
    assert.equal(outbox.state().failed.length, 0);
  });

  it('moves a queued write the server refuses to the failed list and sends the rest', async () => {
    const { outbox, sent, answers, world } = setup();
    await outbox.setOwner('a1');
    world.online = false;
    await outbox.sendOrQueue(write('k1', '/gone'));
    await outbox.sendOrQueue(write('k2'));
    answers.set('/gone', 404);
    world.online = true;
    await outbox.flush();
    assert.deepEqual(
      sent.map((r) => r.key),
      ['k2'],
    );
    assert.deepEqual(
      outbox.state().failed.map((r) => [r.key, r.status]),
      [['k1', 404]],
    );
    await outbox.dismissFailed('k1');
    assert.equal(outbox.state().failed.length, 0);
  });

  it('keeps a write behind those still waiting, and a session that ended keeps the queue', async () => {
    const { outbox, sent, answers, world } = setup();
    await outbox.setOwner('a1');
    world.online = false;
    await outbox.sendOrQueue(write('k1'));
    world.online = true;
    answers.set('/visitors', 401);
    assert.equal(await outbox.sendOrQueue(write('k2')), 'queued');
    await outbox.flush();
    assert.equal(outbox.state().pending.length, 2, 'a 401 is not a refusal: signed in again, it goes');
    answers.delete('/visitors');
    await outbox.flush();
    assert.deepEqual(
      sent.map((r) => r.key),
      ['k1', 'k2'],
    );
  });

  it("sends only the signed-in person's writes", async () => {
    const { outbox, sent, world } = setup();
    await outbox.setOwner('a1');
    world.online = false;
    await outbox.sendOrQueue(write('mine'));
    await outbox.setOwner('a2');
    assert.equal(outbox.state().pending.length, 0);
    world.online = true;
    await outbox.flush();
    assert.equal(sent.length, 0);
    await outbox.setOwner('a1');
    await outbox.flush();
    assert.deepEqual(
      sent.map((r) => r.key),
      ['mine'],
    );
  });

  it("the saved answers are each account's own, and clearing one account's leaves the others'", async () => {
    const store = memoryStore();
    const saved = (owner: string, cacheKey: string, value: unknown) =>
      store.writeCache({ owner, cacheKey, savedAt: '2026-12-09T08:00:00.000Z', value });
    await saved('a1', 'visitors.inside:u1', ['钱师傅']);
    await saved('a2', 'visitors.inside:u1', ['孙访客']);
    assert.deepEqual((await store.readCache('a1', 'visitors.inside:u1'))?.value, ['钱师傅']);
    await store.clearCache('a1');
    assert.equal(await store.readCache('a1', 'visitors.inside:u1'), undefined);
    assert.deepEqual((await store.readCache('a2', 'visitors.inside:u1'))?.value, ['孙访客']);
  });
});
