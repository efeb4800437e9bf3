import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeAt, daysBetween, isoWeek, monthsOf, statusOf } from './day-codes.js';

describe('day codes', () => {
  it('map to effective statuses; a past day still waiting counts as missing', () => {
    assert.deepEqual(
      ['o', 'l', 'L', 'p', 'm', '-', '.', 'x'].map((c) => statusOf(c, false)),
      ['on_time', 'late', 'late', 'pending', 'missing', 'not_required', 'not_required', 'not_required'],
    );
    assert.deepEqual(
      [statusOf('p', true), statusOf('L', true), statusOf('o', true)],
      ['missing', 'missing', 'on_time'],
    );
  });

  it('read one day of a month row, and a missing row as undecided', () => {
    const row = `${'.'.repeat(9)}o${'-'.repeat(21)}`;
    assert.equal(codeAt(row, '2027-01-10'), 'o');
    assert.equal(codeAt(row, '2027-01-31'), '-');
    assert.equal(codeAt(undefined, '2027-01-10'), '.');
  });

  it('walk days across months and years, and name ISO weeks', () => {
    assert.deepEqual(daysBetween('2026-12-30', '2027-01-02'), ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    assert.deepEqual(monthsOf(daysBetween('2026-12-30', '2027-01-02')), ['2026-12', '2027-01']);
    assert.deepEqual(isoWeek('2027-01-13'), { week: '2027-W02', monday: '2027-01-11' });
    assert.deepEqual(isoWeek('2027-01-01'), { week: '2026-W53', monday: '2026-12-28' });
  });
});
