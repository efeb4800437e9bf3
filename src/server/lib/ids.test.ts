import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { newId } from './ids.js';

describe('newId', () => {
  it('is a valid UUID version 7', () => {
    const id = newId();
    assert.equal(z.uuid().safeParse(id).success, true);
    assert.equal(id[14], '7');
  });
  it('ids made in the same millisecond sort in the order they were made', () => {
    const ms = Date.now();
    const ids = Array.from({ length: 200 }, () => newId(ms));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, 200);
  });
  it('draws fresh random bits for every id, across many batches of the random pool', () => {
    const start = Date.now();
    const ids = Array.from({ length: 5000 }, (_, i) => newId(start + i));
    for (const id of ids) assert.equal(z.uuid().safeParse(id).success && id[14] === '7', true, id);
    // rand_b: the 62 random bits after the variant; none repeats.
    assert.equal(new Set(ids.map((id) => id.slice(19))).size, ids.length);
  });
});
