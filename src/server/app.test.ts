import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { dialectsUnderTest } from '../../test/helpers/dialects.js';

for (const dialect of dialectsUnderTest()) {
  describe(`the HTTP app (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    it('answers /healthz and /readyz', async () => {
      assert.deepEqual((await t.app.inject('/healthz')).json(), { status: 'ok' });
      assert.deepEqual((await t.app.inject('/readyz')).json(), { status: 'ok', database: dialect });
    });

    it('serves an OpenAPI 3.1 document generated from the schemas, and a docs page', async () => {
      const doc = (await t.app.inject('/api/v1/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      for (const path of [
        '/api/v1/auth/login',
        '/api/v1/units',
        '/api/v1/units/{id}/move',
        '/api/v1/people',
        '/api/v1/people/{id}/password',
      ]) {
        assert.ok(doc.paths[path], `${path} is documented`);
      }
      const login = doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema;
      assert.deepEqual(login.required.sort(), ['password', 'username']);
      const create = doc.paths['/api/v1/units'].post.requestBody.content['application/json'].schema;
      assert.ok(create.properties.type.enum.includes('kindergarten'));
      const page = await t.app.inject('/api/v1/docs/');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /swagger/i);
    });

    it('an unknown API path is a problem in the asked language', async () => {
      const res = await t.app.inject({ url: '/api/v2/nothing', headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 404);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      assert.equal(res.json().title, 'No such endpoint: GET /api/v2/nothing');
    });
  });
}
