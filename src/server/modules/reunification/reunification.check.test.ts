import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAdult, type ListedAdult } from './reunification.check.js';

const mother: ListedAdult = { id: 'm', name: '李娜', relation: '母亲', mobile: '13800001111', id_last4: '123X' };
const grandpa: ListedAdult = {
  id: 'g',
  name: 'Wang Jianguo',
  relation: '祖父',
  mobile: '+86 136 0000 4444',
  id_last4: null,
};

describe('checking an adult against the list', () => {
  it('matches name, mobile and ID last four together, whatever the spacing, case and +86', () => {
    const result = checkAdult([grandpa, mother], { name: ' 李 娜', mobile: '+86 138-0000-1111', idLast4: '123x' });
    assert.equal(result.adult?.id, 'm');
    assert.deepEqual(result.failed, []);
  });

  it('names the checks that failed against the nearest adult, not the values', () => {
    assert.deepEqual(checkAdult([mother], { name: '李娜', mobile: '13900001111', idLast4: '123X' }).failed, ['mobile']);
    assert.deepEqual(checkAdult([mother, grandpa], { name: '张伟', mobile: '13800001111', idLast4: '0000' }).failed, [
      'name',
      'idLast4',
    ]);
  });

  it('an adult listed without ID digits cannot be checked, so is not released', () => {
    const result = checkAdult([grandpa], { name: 'wang jianguo', mobile: '13600004444', idLast4: '0000' });
    assert.equal(result.adult, null);
    assert.deepEqual(result.failed, ['idLast4']);
  });

  it('nobody on the list: every check fails', () => {
    assert.deepEqual(checkAdult([], { name: '李娜', mobile: '13800001111', idLast4: '123X' }).failed, [
      'name',
      'mobile',
      'idLast4',
    ]);
  });
});
