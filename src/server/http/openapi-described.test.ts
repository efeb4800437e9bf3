import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../test/helpers/dialects.js';
import { webhookSignature } from '../notify/channels/webhook.js';

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        responses: Record<string, { description?: string }>;
        requestBody?: { content: Record<string, { schema: { properties: Record<string, { description?: string }> } }> };
      }
    >
  >;
  webhooks: Record<
    string,
    { post: { description: string; parameters: { name: string; schema: { pattern?: string } }[] } }
  >;
};

// The document does not depend on the database: one is enough.
const dialect = dialectsUnderTest()[0]!;

describe('the OpenAPI document describes what a developer needs', () => {
  let t: TestApp;
  let doc: Doc;
  before(async () => {
    t = await createTestApp(dialect);
    doc = (await t.app.inject('/api/v1/openapi.json')).json();
  });
  after(() => t.close());

  it('every response of every operation says what it is', () => {
    const responses = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) =>
        Object.entries(op.responses).map(([status, r]) => ({
          at: `${method} ${path} ${status}`,
          text: r.description ?? '',
        })),
      ),
    );
    assert.ok(responses.length > 300, `the document has its operations (${responses.length} responses)`);
    const generic = responses.filter((r) => r.text === '' || r.text === 'Default Response').map((r) => r.at);
    assert.deepEqual(generic, []);
    const created = doc.paths['/api/v1/incidents']!.post!;
    assert.equal(created.responses['201']!.description, `Created: ${created.summary}`);
  });

  it('the live stream lists its events', () => {
    const live = doc.paths['/api/v1/live']!.get!.responses['200']!.description!;
    for (const event of ['ready', 'notification', 'incident', 'daily-report', 'resync'])
      assert.match(live, new RegExp(`\`${event}\``), event);
    assert.match(live, /Last-Event-ID/);
  });

  it('the webhook says how to check its signature, and checking it that way matches what Steady sends', () => {
    const hook = doc.webhooks.message!.post;
    assert.deepEqual(
      hook.parameters.map((p) => p.name),
      ['X-Steady-Delivery', 'X-Steady-Timestamp', 'X-Steady-Signature'],
    );
    assert.match(
      hook.description,
      /HMAC-SHA256\(key = the shared secret, message = X-Steady-Timestamp \+ "\." \+ body\)/,
    );
    // A receiver following the description by the letter computes what Steady sends.
    const body =
      '{"deliveryId":"d1","title":"【突发事件】","body":"食堂","link":null,' +
      '"drill":false,"locale":"zh-CN","sentAt":"2026-12-06T01:00:00.000Z"}';
    const byTheDocs = `sha256=${createHmac('sha256', 'shared-secret').update(`1796518800.${body}`).digest('hex')}`;
    assert.equal(webhookSignature('shared-secret', '1796518800', body), byTheDocs);
    const pattern = hook.parameters.find((p) => p.name === 'X-Steady-Signature')!.schema.pattern!;
    assert.match(byTheDocs, new RegExp(pattern));
  });

  it('a severity says which grade each number is', () => {
    const severity =
      doc.paths['/api/v1/incidents']!.post!.requestBody!.content['application/json']!.schema.properties.severity!;
    assert.match(severity.description ?? '', /1 = Ⅰ 特别重大.*4 = Ⅳ 一般/s);
  });
});
