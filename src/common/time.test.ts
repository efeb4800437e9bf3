import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDate, localToUtc, periodBounds } from './time.js';

describe('time in a unit’s zone', () => {
  it('turns local wall-clock time into UTC', () => {
    assert.equal(localToUtc('2026-12-01', '15:00', 'Asia/Shanghai').toISOString(), '2026-12-01T07:00:00.000Z');
    assert.equal(localToUtc('2026-07-01', '15:00', 'Europe/Berlin').toISOString(), '2026-07-01T13:00:00.000Z');
  });
  it('finds the local date of an instant', () => {
    assert.equal(localDate(new Date('2026-12-01T16:30:00Z'), 'Asia/Shanghai'), '2026-12-02');
    assert.equal(localDate(new Date('2026-12-01T16:30:00Z'), 'America/New_York'), '2026-12-01');
  });
  it('a period covers whole local days, both ends included', () => {
    const { startsAt, endsAt } = periodBounds('2027-01-10', '2027-01-12', 'Asia/Shanghai');
    assert.equal(startsAt.toISOString(), '2027-01-09T16:00:00.000Z');
    assert.equal(endsAt!.toISOString(), '2027-01-12T16:00:00.000Z');
    assert.equal(periodBounds('2027-01-10', null, 'Asia/Shanghai').endsAt, null);
  });
});
