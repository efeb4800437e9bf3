import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PAGE_SIZE, pageParams } from './useQueryParams.js';

type Changes = Record<string, string | undefined>;

function read(query: string) {
  const calls: Changes[] = [];
  const place = pageParams(new URLSearchParams(query), (changes) => calls.push(changes));
  return { ...place, calls };
}

describe('page params in the URL', () => {
  it('an address without them is the first page at the default size', () => {
    const { page, pageSize } = read('unit=u1');
    assert.equal(page, 1);
    assert.equal(pageSize, DEFAULT_PAGE_SIZE);
  });

  it('reads page and size from the address', () => {
    const { page, pageSize } = read('page=3&size=50');
    assert.deepEqual([page, pageSize], [3, 50]);
  });

  it('nonsense or zero falls back to the first page and the default size', () => {
    for (const query of ['page=abc&size=xyz', 'page=0&size=0', 'page=&size=']) {
      const { page, pageSize } = read(query);
      assert.deepEqual([page, pageSize], [1, DEFAULT_PAGE_SIZE], query);
    }
  });

  it('moving writes the page, and the size only when it is not the default', () => {
    const { onPage, calls } = read('');
    onPage(2, DEFAULT_PAGE_SIZE);
    onPage(4, 50);
    assert.deepEqual(calls, [
      { page: '2', size: undefined },
      { page: '4', size: '50' },
    ]);
  });

  it('a list with its own default size reads and leaves out that one instead', () => {
    const calls: Changes[] = [];
    const place = pageParams(new URLSearchParams(''), (changes) => calls.push(changes), 50);
    assert.equal(place.pageSize, 50);
    place.onPage(2, 50);
    assert.deepEqual(calls, [{ page: '2', size: undefined }]);
  });
});
