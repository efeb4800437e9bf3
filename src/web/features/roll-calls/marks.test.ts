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
const mark = (subjectId: string, status: LocalMark['status'], markedAt: string, sentAt: number | null = null) => ({
  key: `${subjectId}-${markedAt}`,
  subjectId,
  status,
  markedAt,
  sentAt,
});
/** A mark as the server holds it (received a second after the tap). */
const held = (status: LocalMark['status'], markedAt: string, markedByName: string) => ({
  status,
  markedAt,
  receivedAt: new Date(Date.parse(markedAt) + 1000).toISOString(),
  markedByName,
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
    const stored = subject('a', [held('missing', '2026-12-06T02:00:01Z', '王老师')]);
    const local = [mark('a', 'missing', '2026-12-06T02:00:01.000Z')];
    const shown = applyLocalMarks([stored], local, '王老师');
    assert.equal(shown[0]!.history.length, 1);
    assert.equal(shown[0]!.waiting, false);
    assert.deepEqual(stillLocal(local, { subjects: [stored] }), []);
  });

  it('another teacher’s later mark wins over an earlier tap here; both stay in the history', () => {
    const stored = subject('a', [held('present', '2026-12-06T02:00:05Z', '李老师')]);
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
    const stored = subject('a', [held('missing', '2026-12-06T02:00:01Z', '李老师')]);
    const shown = applyLocalMarks([stored], [mark('a', 'present', '2026-12-06T02:00:09Z')], '王老师');
    assert.equal(shown[0]!.status, 'present');
    assert.equal(shown[0]!.waiting, true);
  });

  it('a sent tap the list does not show is kept a few seconds, then let go (the server kept another time)', () => {
    const sent = mark('a', 'present', '2026-12-06T02:00:01Z', 1_000_000);
    const waiting = mark('b', 'present', '2026-12-06T02:00:01Z');
    const list = { subjects: [subject('a'), subject('b')] };
    assert.deepEqual(stillLocal([sent, waiting], list, 1_005_000), [sent, waiting]);
    assert.deepEqual(stillLocal([sent, waiting], list, 1_011_000), [waiting]);
  });

  it('reads the marks out of the outbox’s waiting requests', () => {
    const requests = [{ body: { marks: [mark('a', 'present', 't1'), mark('b', 'absent', 't1')] } }, { body: {} }];
    assert.deepEqual(
      queuedMarks(requests).map((m) => [m.subjectId, m.status, m.sentAt]),
      [
        ['a', 'present', null],
        ['b', 'absent', null],
      ],
    );
  });
});
