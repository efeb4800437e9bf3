import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { nightAt, nightWindow, patrolCounts, scheduledTimes, unannouncedTimes } from './patrol-times.js';

const WINDOW = { start: '22:00', end: '06:00' };
const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');

describe('patrol times', () => {
  it('a window ending before it starts runs into the next morning, in the unit’s own zone', () => {
    const w = nightWindow('2027-03-01', WINDOW, 'Asia/Shanghai');
    assert.equal(w.start.toISOString(), '2027-03-01T14:00:00.000Z');
    assert.equal(w.end.toISOString(), '2027-03-01T22:00:00.000Z');
    const berlin = nightWindow('2027-03-27', WINDOW, 'Europe/Berlin');
    assert.equal(berlin.start.toISOString(), '2027-03-27T21:00:00.000Z');
    assert.equal(berlin.end.toISOString(), '2027-03-28T04:00:00.000Z', 'the clocks go forward that night: seven hours');
    const evening = nightWindow('2027-03-01', { start: '18:00', end: '21:30' }, 'Asia/Shanghai');
    assert.equal(evening.end.toISOString(), '2027-03-01T13:30:00.000Z');
  });

  it('the night a moment belongs to is the last one to begin', () => {
    assert.equal(nightAt(new Date('2027-03-01T19:00:00Z'), WINDOW, 'Asia/Shanghai'), '2027-03-01', '03:00 on the 2nd');
    assert.equal(nightAt(new Date('2027-03-01T13:59:00Z'), WINDOW, 'Asia/Shanghai'), '2027-02-28', '21:59 on the 1st');
    assert.equal(nightAt(new Date('2027-03-01T14:00:00Z'), WINDOW, 'Asia/Shanghai'), '2027-03-01');
    assert.equal(nightAt(new Date('2027-03-01T14:00:00Z'), null, 'Asia/Shanghai'), '2027-03-01');
  });

  it('fixed patrols start with the window and spread across it; the plan’s counts decide how many', () => {
    const w = nightWindow('2027-03-01', WINDOW, 'Asia/Shanghai');
    assert.deepEqual(
      scheduledTimes(w, 3).map((t) => local(t, 'Asia/Shanghai')),
      ['2027-03-01 22:00', '2027-03-02 00:40', '2027-03-02 03:20'],
    );
    assert.deepEqual(
      patrolCounts({
        twentyFourHour: true,
        shiftPattern: '24h',
        dutyLeaderRequired: true,
        patrolWindow: WINDOW,
        minUnannouncedPatrols: 2,
        minPatrolsPerDay: 5,
        gateStaffed24h: true,
      }),
      { scheduled: 3, unannounced: 2 },
    );
    assert.deepEqual(
      patrolCounts({
        twentyFourHour: true,
        shiftPattern: '24h',
        dutyLeaderRequired: true,
        patrolWindow: WINDOW,
        minUnannouncedPatrols: 3,
        minPatrolsPerDay: 0,
        gateStaffed24h: true,
      }),
      { scheduled: 1, unannounced: 3 },
    );
  });

  it('unannounced times are whole minutes inside [start, end), even when the draw hits both edges', () => {
    const w = nightWindow('2027-03-01', WINDOW, 'Asia/Shanghai');
    const edges = [0, 479];
    const drawn = unannouncedTimes(w, 2, (max) => (assert.equal(max, 480), edges.shift()!));
    assert.deepEqual(
      drawn.map((t) => local(t, 'Asia/Shanghai')),
      ['2027-03-01 22:00', '2027-03-02 05:59'],
    );
    for (let i = 0; i < 500; i++) {
      for (const t of unannouncedTimes(w, 4)) {
        assert.ok(t >= w.start && t < w.end, `${t.toISOString()} falls outside the window`);
        assert.equal(t.getTime() % 60_000, 0);
      }
    }
  });

  it('two unannounced patrols never share a minute while the window has room', () => {
    const w = nightWindow('2027-03-01', { start: '22:00', end: '22:03' }, 'Asia/Shanghai');
    const sequence = [1, 1, 1, 2, 0];
    const drawn = unannouncedTimes(w, 3, () => sequence.shift()!);
    assert.deepEqual(
      drawn.map((t) => local(t, 'Asia/Shanghai').slice(11)),
      ['22:00', '22:01', '22:02'],
    );
  });
});
