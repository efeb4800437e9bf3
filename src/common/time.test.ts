import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { localDate, localTime, localToUtc, periodBounds } from './time.js';

describe('time in a unit’s zone', () => {
  it('turns local wall-clock time into UTC', () => {
    assert.equal(localToUtc('2026-12-01', '15:00', 'Asia/Shanghai').toISOString(), '2026-12-01T07:00:00.000Z');
    assert.equal(localToUtc('2026-07-01', '15:00', 'Europe/Berlin').toISOString(), '2026-07-01T13:00:00.000Z');
  });
  it('finds the local date of an instant', () => {
    assert.equal(localDate(new Date('2026-12-01T16:30:00Z'), 'Asia/Shanghai'), '2026-12-02');
    assert.equal(localDate(new Date('2026-12-01T16:30:00Z'), 'America/New_York'), '2026-12-01');
  });
  it('reads the local wall-clock time of an instant, midnight as 00:00, as luxon did', () => {
    assert.equal(localTime(new Date('2026-12-01T16:05:00Z'), 'Asia/Shanghai'), '00:05');
    assert.equal(localTime(new Date('2026-07-01T13:59:59Z'), 'Europe/Berlin'), '15:59');
    assert.equal(localTime(new Date('2026-12-01T23:00:00Z'), 'UTC'), '23:00');
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Asia/Kolkata'])
      for (let h = 0; h < 48; h += 5) {
        const at = new Date(Date.UTC(2027, 2, 14, h, h % 60));
        assert.equal(localTime(at, zone), DateTime.fromJSDate(at).setZone(zone).toFormat('HH:mm'), `${zone} ${h}`);
      }
  });
  it('a period covers whole local days, both ends included', () => {
    const { startsAt, endsAt } = periodBounds('2027-01-10', '2027-01-12', 'Asia/Shanghai');
    assert.equal(startsAt.toISOString(), '2027-01-09T16:00:00.000Z');
    assert.equal(endsAt!.toISOString(), '2027-01-12T16:00:00.000Z');
    assert.equal(periodBounds('2027-01-10', null, 'Asia/Shanghai').endsAt, null);
  });
});
