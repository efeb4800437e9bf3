import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instantOf, wallClockOf } from './wall-clock.js';

describe('wall clock in the unit’s zone', () => {
  it('reads an instant as the unit’s clock shows it, whatever the process zone', () => {
    assert.equal(wallClockOf('2026-12-05T23:30:00.000Z', 'Asia/Shanghai'), '2026-12-06T07:30');
    assert.equal(wallClockOf('2026-12-05T23:30:00.000Z', 'America/Los_Angeles'), '2026-12-05T15:30');
  });

  it('turns the unit’s clock back into the same instant', () => {
    assert.equal(instantOf('2026-12-06T07:30', 'Asia/Shanghai'), '2026-12-05T23:30:00.000Z');
    assert.equal(
      instantOf(wallClockOf('2027-03-14T10:00:00.000Z', 'America/Los_Angeles'), 'America/Los_Angeles'),
      '2027-03-14T10:00:00.000Z',
    );
  });

  it('refuses what is not a time', () => {
    assert.throws(() => instantOf('tomorrow', 'Asia/Shanghai'), /not a wall-clock time/);
  });
});
