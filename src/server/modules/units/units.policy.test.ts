import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccountActor } from '../auth/actor.js';
import { canSee, requireManage, scopeRoots } from './units.policy.js';

const actor = (scopes: AccountActor['scopes']): AccountActor => ({
  kind: 'account',
  accountId: 'a',
  personId: 'p',
  username: 'u',
  scopes,
  locale: 'zh-CN',
});

describe('unit policy', () => {
  const teacher = actor([{ unitId: 's1', path: '/b/c1/s1/', roles: ['class_teacher'] }]);
  const supervisor = actor([
    { unitId: 'c1', path: '/b/c1/', roles: ['supervisor'] },
    { unitId: 's1', path: '/b/c1/s1/', roles: ['staff'] },
  ]);

  it('sees the own unit and below, never a sibling or parent', () => {
    assert.equal(canSee(teacher, '/b/c1/s1/'), true);
    assert.equal(canSee(teacher, '/b/c1/s1/x/'), true);
    assert.equal(canSee(teacher, '/b/c1/s2/'), false);
    assert.equal(canSee(teacher, '/b/c1/'), false);
    assert.equal(canSee(teacher, '/b/c1/s10/'), false, 'a prefix of the id is not the same unit');
  });
  it('manages only with a managing role somewhere above', () => {
    assert.throws(() => requireManage(teacher, '/b/c1/s1/'), /forbidden/);
    assert.doesNotThrow(() => requireManage(supervisor, '/b/c1/s1/'));
    assert.throws(() => requireManage(supervisor, '/b/c2/'), /not-found/);
  });
  it('scope roots drop units already covered by a higher scope', () => {
    assert.deepEqual(scopeRoots(supervisor), ['/b/c1/']);
    assert.equal(scopeRoots({ kind: 'system', label: 'cli' }), null);
  });
});
