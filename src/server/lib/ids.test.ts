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
});
