import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INCIDENT_LABELS } from './plan-labels.js';
import { asEventName } from './after-action-document.js';

describe('the after-action report title', () => {
  it('names the event once: 关于意外伤害事故的书面报告, never 事故事件 or 事件事件', () => {
    assert.equal(asEventName('意外伤害事故'), '意外伤害事故');
    assert.equal(asEventName('自然灾害'), '自然灾害事件');
    for (const name of Object.values(INCIDENT_LABELS['zh-CN'])) {
      assert.doesNotMatch(asEventName(name), /(事件|事故|疫情|险情)事件$/, name);
      assert.match(asEventName(name), /(事件|事故|疫情|险情)$/, name);
    }
  });
});
