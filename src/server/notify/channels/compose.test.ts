import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incidentMessage } from '../../../../test/receivers/fixtures.js';
import { PermanentDeliveryError } from './channel.js';
import { ELLIPSIS, fitBody, markedTitleAndBody, partsOf, utf8Bytes } from './compose.js';

describe('fitBody', () => {
  it('keeps a body that fits', () => {
    assert.equal(
      fitBody('火灾', () => true),
      '火灾',
    );
  });

  it('keeps the longest start that fits, ending in an ellipsis', () => {
    const fitted = fitBody('一二三四五六七八九十', (text) => utf8Bytes(text) <= 15);
    assert.equal(fitted, `一二三四${ELLIPSIS}`);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const fitted = fitBody('🚒🚒🚒🚒', (text) => text.length <= 5);
    assert.equal(fitted, `🚒🚒${ELLIPSIS}`);
  });

  it('drops trailing whitespace before the ellipsis', () => {
    assert.equal(
      fitBody('第一行\n第二行', (text) => utf8Bytes(text) <= 13),
      `第一行${ELLIPSIS}`,
    );
  });

  it('refuses permanently when not even an ellipsis fits beside the title', () => {
    assert.throws(() => fitBody('正文', () => false), PermanentDeliveryError);
  });
});

describe('message parts', () => {
  it('carries the delivery id in a reference line that contains the keyword "Steady"', () => {
    const message = incidentMessage({ deliveryId: 'abc' });
    assert.equal(partsOf(message).reference, 'Steady 消息编号：abc');
    assert.equal(partsOf({ ...message, locale: 'en' }).reference, 'Steady message ID: abc');
  });

  it('leaves a real incident unmarked', () => {
    const message = incidentMessage();
    assert.deepEqual(markedTitleAndBody(message), { title: message.title, body: message.body });
  });
});
