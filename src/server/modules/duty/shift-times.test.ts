import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findGaps } from './gaps.js';
import { shiftsOfDay, slotFor } from './shift-times.js';
import { escapeText, fold } from './ical.js';

const iso = (d: Date) => d.toISOString();

describe('shift times', () => {
  it('a 24-hour shift runs 08:00 → 08:00 local; in Shanghai that is always 24 hours', () => {
    const [shift] = shiftsOfDay('2027-03-27', '24h', 'Asia/Shanghai');
    assert.deepEqual(
      [shift!.kind, iso(shift!.startsAt), iso(shift!.endsAt)],
      ['24h', '2027-03-27T00:00:00.000Z', '2027-03-28T00:00:00.000Z'],
    );
  });

  it('in Berlin the shift over the spring change lasts 23 hours and keeps its 08:00 local ends', () => {
    const [shift] = shiftsOfDay('2027-03-27', '24h', 'Europe/Berlin');
    assert.equal(iso(shift!.startsAt), '2027-03-27T07:00:00.000Z');
    assert.equal(iso(shift!.endsAt), '2027-03-28T06:00:00.000Z');
    const [autumn] = shiftsOfDay('2027-10-30', '24h', 'Europe/Berlin');
    assert.equal((autumn!.endsAt.getTime() - autumn!.startsAt.getTime()) / 3_600_000, 25);
  });

  it('day and night: 08:00 → 20:00 and 20:00 → 08:00', () => {
    const shifts = shiftsOfDay('2027-06-01', 'day_night', 'Asia/Shanghai');
    assert.deepEqual(
      shifts.map((s) => [s.kind, iso(s.startsAt), iso(s.endsAt)]),
      [
        ['day', '2027-06-01T00:00:00.000Z', '2027-06-01T12:00:00.000Z'],
        ['night', '2027-06-01T12:00:00.000Z', '2027-06-02T00:00:00.000Z'],
      ],
    );
  });
});

describe('rotation turns', () => {
  const slots = ['a', 'b', 'c'].map((id, i) => ({ dutyLeaderId: id, staffIds: [], turns: i + 1 }));
  const leaders = (kind: string, turns: number, perDay = 1) =>
    Array.from({ length: turns }, (_, t) => slotFor(kind, slots, t, Math.floor(t / perDay)).dutyLeaderId).join('');

  it('daily passes every shift to the next slot', () => assert.equal(leaders('daily', 7), 'abcabca'));
  it('weekly keeps a slot for seven days', () => assert.equal(leaders('weekly', 15), 'aaaaaaabbbbbbbc'));
  it('custom gives each slot its number of shifts in a row', () => assert.equal(leaders('custom', 8), 'abbcccab'));
});

describe('gaps against the plan', () => {
  const zone = 'Asia/Shanghai';
  const from = new Date('2027-06-01T02:00:00.000Z');
  const to = new Date('2027-06-04T02:00:00.000Z');
  const shifts = [
    { id: 's1', startsAt: '2027-06-01T00:00:00.000Z', endsAt: '2027-06-02T00:00:00.000Z', hasLeader: true },
    { id: 's2', startsAt: '2027-06-02T00:00:00.000Z', endsAt: '2027-06-03T00:00:00.000Z', hasLeader: false },
  ];

  it('a shift without a duty leader, and the stretch with no shift, joined across midnight', () => {
    const gaps = findGaps({
      from,
      to,
      zone,
      shifts,
      rulesOn: () => ({ twentyFourHour: true, dutyLeaderRequired: true }),
    });
    assert.deepEqual(
      gaps.map((g) => [g.kind, g.startsAt, g.endsAt, g.shiftId]),
      [
        ['no_duty_leader', '2027-06-02T00:00:00.000Z', '2027-06-03T00:00:00.000Z', 's2'],
        ['uncovered', '2027-06-03T00:00:00.000Z', '2027-06-04T02:00:00.000Z', null],
      ],
    );
  });

  it('nothing is a gap on days the plan does not ask for it', () => {
    const rulesOn = (day: string) => ({
      twentyFourHour: day !== '2027-06-03',
      dutyLeaderRequired: day !== '2027-06-02',
    });
    const gaps = findGaps({ from, to, zone, shifts, rulesOn });
    assert.deepEqual(
      gaps.map((g) => [g.kind, g.startsAt, g.endsAt]),
      [['uncovered', '2027-06-03T16:00:00.000Z', '2027-06-04T02:00:00.000Z']],
    );
  });
});

describe('iCalendar text', () => {
  it('escapes separators and folds long lines without splitting a character', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const line = `SUMMARY:${'值班'.repeat(40)}`;
    const folded = fold(line);
    for (const part of folded.split('\r\n')) assert.ok(Buffer.byteLength(part) <= 75);
    assert.equal(
      folded
        .split('\r\n')
        .map((p, i) => (i ? p.slice(1) : p))
        .join(''),
      line,
    );
  });
});
