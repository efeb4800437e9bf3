import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incidentMessage } from '../../../test/receivers/fixtures.js';
import { templateCall } from './templates.js';

describe('SMS and voice template parameters', () => {
  it('marks a drill once, also when its title already starts with 【演练】', () => {
    const marked = templateCall(incidentMessage({ drill: true, title: '【演练】城关幼儿园 火灾' }), 35);
    assert.equal(marked.values.title, '演练 城关幼儿园 火灾');
    const unmarked = templateCall(incidentMessage({ drill: true, title: '城关幼儿园 火灾' }), 35);
    assert.equal(unmarked.values.title, '演练：城关幼儿园 火灾');
  });
});
