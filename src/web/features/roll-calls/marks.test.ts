import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Subject } from './api.js';
import { applyLocalMarks, countMarks, queuedMarks, stillLocal, type LocalMark } from './marks.js';

const subject = (subjectId: string, history: Subject['history'] = []): Subject => {
  const latest = history.at(-1);
  return {
    subjectId,
    kind: 'pupil',
    name: `pupil ${subjectId}`,
    status: latest?.status ?? null,
    markedAt: latest?.markedAt ?? null,
    markedByName: latest?.markedByName ?? null,
    history,
  };
};
const mark = (subjectId: string, status: LocalMark['status'], markedAt: string, sent = false): LocalMark => ({
  key: `${subjectId}-${markedAt}`,
  subjectId,
  status,
  markedAt,
  sent,
});

describe('the marks a phone shows on top of the list', () => {
  it('a waiting tap shows at once, marked as waiting, and counts', () => {
    const shown = applyLocalMarks(
      [subject('a'), subject('b')],
      [mark('a', 'present', '2026-12-06T02:00:01.000Z')],
      '王老师',
    );
    assert.equal(shown[0]!.status, 'present');
    assert.equal(shown[0]!.waiting, true);
    assert.equal(shown[0]!.markedByName, '王老师');
    assert.equal(shown[1]!.status, null);
    assert.deepEqual(countMarks(shown), { total: 2, present: 1, missing: 0, injured: 0, absent: 0, notReported: 1 });
  });

  it('a tap the server already holds is not added twice, and is no longer waiting', () => {
    const stored = subject('a', [{ status: 'missing', markedAt: '2026-12-06T02:00:01Z', markedByName: '王老师' }]);
    const local = [mark('a', 'missing', '2026-12-06T02:00:01.000Z')];
    const shown = applyLocalMarks([stored], local, '王老师');
    assert.equal(shown[0]!.history.length, 1);
    assert.equal(shown[0]!.waiting, false);
    assert.deepEqual(stillLocal(local, { groupKey: 'c', name: 'c', subjects: [stored] }), []);
  });

  it('another teacher’s later mark wins over an earlier tap here; both stay in the history', () => {
    const stored = subject('a', [{ status: 'present', markedAt: '2026-12-06T02:00:05Z', markedByName: '李老师' }]);
    const shown = applyLocalMarks([stored], [mark('a', 'missing', '2026-12-06T02:00:01Z')], '王老师');
    assert.equal(shown[0]!.status, 'present');
    assert.equal(shown[0]!.markedByName, '李老师');
    assert.equal(shown[0]!.conflict, true);
    assert.deepEqual(
      shown[0]!.history.map((h) => h.status),
      ['missing', 'present'],
    );
  });

  it('a later tap here wins over an earlier mark on the server', () => {
    const stored = subject('a', [{ status: 'missing', markedAt: '2026-12-06T02:00:01Z', markedByName: '李老师' }]);
    const shown = applyLocalMarks([stored], [mark('a', 'present', '2026-12-06T02:00:09Z')], '王老师');
    assert.equal(shown[0]!.status, 'present');
    assert.equal(shown[0]!.waiting, true);
  });

  it('reads the marks out of the outbox’s waiting requests', () => {
    const requests = [{ body: { marks: [mark('a', 'present', 't1'), mark('b', 'absent', 't1')] } }, { body: {} }];
    assert.deepEqual(
      queuedMarks(requests).map((m) => [m.subjectId, m.status, m.sent]),
      [
        ['a', 'present', false],
        ['b', 'absent', false],
      ],
    );
  });
});
