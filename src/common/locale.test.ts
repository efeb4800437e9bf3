import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidTimeZone, pickLocale } from './locale.js';

describe('pickLocale', () => {
  it('defaults to zh-CN', () => {
    assert.equal(pickLocale(undefined), 'zh-CN');
    assert.equal(pickLocale(''), 'zh-CN');
    assert.equal(pickLocale('fr-FR'), 'zh-CN');
  });
  it('honours the order and q-values of Accept-Language', () => {
    assert.equal(pickLocale('en-US,en;q=0.9'), 'en');
    assert.equal(pickLocale('zh-TW;q=0.8,en;q=0.9'), 'en');
    assert.equal(pickLocale('fr;q=1,zh-CN;q=0.5,en;q=0.4'), 'zh-CN');
    assert.equal(pickLocale('en;q=0'), 'zh-CN');
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    assert.equal(isValidTimeZone('Asia/Shanghai'), true);
    assert.equal(isValidTimeZone('Europe/Berlin'), true);
    assert.equal(isValidTimeZone('Mars/Base'), false);
  });
});
