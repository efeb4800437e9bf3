import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import type { RollCall, RollCallGroupList } from '../../../common/schemas/roll-calls.js';
import type { MyTodo, TodoItem } from '../../../common/schemas/todo.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * A roll call is open: the class teacher's to-do says "mark your class" with the children still
 * not marked, until every child of the class is marked; nobody else's to-do (the head's, another
 * school's teacher) carries it, and a closed roll call leaves no item.
 */
const T0 = new Date('2027-06-01T02:00:00.000Z');

for (const dialect of dialectsUnderTest()) {
  describe(`my to-do: a roll call waits for the class teacher (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let s1: string;
    let classId: string;
    const as: Record<string, Client> = {};

    const todo = async (name: string): Promise<TodoItem[]> => {
      const res = await as[name]!.get('/api/v1/me/todo');
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as MyTodo).items.filter((i) => i.kind === 'roll_call_mark');
    };

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      s1 = await unitIdByName(t, '城关镇第一小学');
      for (const name of ['s1.safety', 's1.head', 's1.teacher1', 's2.teacher1']) as[name] = await t.signIn(name);
      const cls = await as['s1.safety']!.post('/api/v1/rosters/classes', {
        unitId: s1,
        name: '三年级2班',
        teacherPersonId: as['s1.teacher1']!.me.personId,
      });
      assert.equal(cls.statusCode, 201, cls.body);
      classId = cls.json().id;
      for (const name of ['测试甲', '测试乙', '测试丙']) {
        const pupil = await as['s1.safety']!.post('/api/v1/rosters/pupils', { classId, name, adults: [] });
        assert.equal(pupil.statusCode, 201, pupil.body);
      }
    });
    after(() => t.close());

    it('says how many children are left to mark, until the class is done', async () => {
      assert.deepEqual(await todo('s1.teacher1'), []);
      const started = await as['s1.head']!.post('/api/v1/roll-calls', { unitId: s1, targetSeconds: 120 });
      assert.equal(started.statusCode, 201, started.body);
      const rollCall = started.json() as RollCall;

      const [waiting] = await todo('s1.teacher1');
      assert.ok(waiting, 'the teacher has an item');
      assert.deepEqual(waiting.params, { class: '三年级2班', count: '3' });
      assert.equal(waiting.route, `/roll-calls/${rollCall.id}/groups/${classId}`);
      assert.equal(waiting.dueAt, new Date(T0.getTime() + 120_000).toISOString());
      assert.deepEqual(await todo('s1.head'), [], 'the head watches the board; the item is the teacher’s');
      assert.deepEqual(await todo('s2.teacher1'), [], 'another school’s teacher has none');

      const list = (await as['s1.teacher1']!.get(`/api/v1/roll-calls/${rollCall.id}/groups/${classId}`)).json();
      const [first, ...rest] = (list as RollCallGroupList).subjects;
      const mark = (subjectId: string, n: number) => ({
        key: `todo-test-key-${n}`,
        subjectId,
        status: 'present',
        markedAt: T0.toISOString(),
      });
      clock.advance(10_000);
      const one = await as['s1.teacher1']!.post(`/api/v1/roll-calls/${rollCall.id}/marks`, {
        marks: [mark(first!.subjectId, 0)],
      });
      assert.equal(one.statusCode, 200, one.body);
      assert.equal((await todo('s1.teacher1'))[0]?.params.count, '2');

      const all = await as['s1.teacher1']!.post(`/api/v1/roll-calls/${rollCall.id}/marks`, {
        marks: rest.map((s, i) => mark(s.subjectId, i + 1)),
      });
      assert.equal(all.statusCode, 200, all.body);
      assert.deepEqual(await todo('s1.teacher1'), [], 'every child marked: nothing left to do');
    });

    it('a closed roll call leaves no item, even with children not marked', async () => {
      const openOnes = async () =>
        ((await as['s1.head']!.get(`/api/v1/roll-calls?unitId=${s1}&state=open`)).json().items as RollCall[]).map(
          (r) => r.id,
        );
      const close = async (id: string) => {
        const closed = await as['s1.head']!.post(`/api/v1/roll-calls/${id}/close`);
        assert.equal(closed.statusCode, 200, closed.body);
      };
      // The first roll call is still open (all marked): one open roll call per unit.
      const first = await openOnes();
      assert.equal(first.length, 1);
      assert.equal((await as['s1.head']!.post('/api/v1/roll-calls', { unitId: s1 })).statusCode, 409);
      await close(first[0]!);
      const again = await as['s1.head']!.post('/api/v1/roll-calls', { unitId: s1 });
      assert.equal(again.statusCode, 201, again.body);
      assert.equal((await todo('s1.teacher1'))[0]?.params.count, '3');
      await close((again.json() as RollCall).id);
      assert.deepEqual(await todo('s1.teacher1'), []);
    });
  });
}
