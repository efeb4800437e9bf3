import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { transactionWithHooks } from '../../db/database.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * The inbox through HTTP: three messages told to the kindergarten's head a minute apart, read newest
 * first a page at a time, marked read by id and then all at once; nobody else can read or mark them.
 */
const T0 = new Date('2027-03-01T02:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`the in-app inbox (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let head: Client;
    let teacher: Client;
    let before0: { total: number; unread: number };

    const inbox = async (client: Client, query = '') => {
      const res = await client.get(`/api/v1/notifications${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      head = await t.signIn('k1.head');
      teacher = await t.signIn('k1.teacher1');
      before0 = await inbox(head);
      // Whatever the sample organisation told the head already is read: only the three below count.
      assert.equal((await head.post('/api/v1/notifications/read', {})).statusCode, 204);
      for (const n of [1, 2, 3]) {
        clock.set(new Date(T0.getTime() + n * 60_000));
        await transactionWithHooks(t.c.db, (tx, afterCommit) =>
          t.c.notifier.tell(
            tx,
            afterCommit,
            [head.me.personId],
            { kind: 'test.notice', title: `通知 ${n}`, body: `正文 ${n}`, link: '/todo', locale: 'zh-CN' },
            clock.now(),
          ),
        );
      }
    });
    after(() => t.close());

    it('lists the newest first, a page at a time, with the total and the unread count', async () => {
      const first = await inbox(head, '?page=1&pageSize=2');
      assert.equal(first.total, before0.total + 3);
      assert.equal(first.unread, 3);
      assert.deepEqual(
        first.items.map((n: { title: string }) => n.title),
        ['通知 3', '通知 2'],
      );
      const item = first.items[0];
      assert.deepEqual(
        { kind: item.kind, body: item.body, link: item.link, drill: item.drill, readAt: item.readAt },
        { kind: 'test.notice', body: '正文 3', link: '/todo', drill: false, readAt: null },
      );
      assert.equal(item.createdAt, new Date(T0.getTime() + 3 * 60_000).toISOString());
      const second = await inbox(head, '?page=2&pageSize=2');
      assert.equal(second.items[0].title, '通知 1');
    });

    it('nobody else sees them, or can mark them read', async () => {
      const mine = (await inbox(head, '?pageSize=3')).items.map((n: { id: string }) => n.id);
      assert.ok(!(await inbox(teacher)).items.some((n: { id: string }) => mine.includes(n.id)));
      assert.equal((await teacher.post('/api/v1/notifications/read', { ids: mine })).statusCode, 204);
      assert.equal((await inbox(head)).unread, 3);
    });

    it('marks the named ones read, then all', async () => {
      const [newest] = (await inbox(head, '?pageSize=1')).items;
      clock.set(new Date(T0.getTime() + 10 * 60_000));
      assert.equal((await head.post('/api/v1/notifications/read', { ids: [newest.id] })).statusCode, 204);
      const after1 = await inbox(head, '?pageSize=1');
      assert.equal(after1.unread, 2);
      assert.equal(after1.items[0].readAt, clock.now().toISOString());
      assert.equal((await head.post('/api/v1/notifications/read', { ids: [] })).statusCode, 204);
      assert.equal((await inbox(head)).unread, 2, 'an empty list marks nothing');
      assert.equal((await head.post('/api/v1/notifications/read', {})).statusCode, 204);
      assert.equal((await inbox(head)).unread, 0);
    });
  });
}
