import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byDue } from './todo.late.js';

describe('to-do order', () => {
  it('puts the earliest deadline first, items without one last, and ties in a stable order', () => {
    const items = [
      { id: 'c', dueAt: null },
      { id: 'b', dueAt: '2027-01-10T07:00:00.000Z' },
      { id: 'a', dueAt: null },
      { id: 'd', dueAt: '2027-01-10T01:10:00.000Z' },
      { id: 'e', dueAt: '2027-01-10T07:00:00.000Z' },
    ];
    assert.deepEqual(
      [...items].sort(byDue).map((i) => i.id),
      ['d', 'b', 'e', 'a', 'c'],
    );
  });
});
