import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../helpers/app.js';
import { dialectsUnderTest } from '../helpers/dialects.js';
import {
  isWrite,
  operationsOf,
  rowCounts,
  sample,
  urlFor,
  type Fill,
  type JsonSchema,
  type Operation,
} from './openapi-requests.js';

/*
 * A fuzz test made from the OpenAPI document (issue 12): every write operation with a JSON body
 * gets malformed JSON, a body of the wrong type, and for each top-level field the wrong type, the
 * field left out (when required), an unknown field beside it, a string past its limit, and a
 * control character. None may answer 5xx; each answer is problem+json, a validation problem names
 * the field, and no row of any table changes. New routes are fuzzed the day they are added.
 */

const key = (op: Operation) => `${op.method} ${op.path}`;
const typeOf = (s: JsonSchema) =>
  (Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type) ?? (s.anyOf || s.oneOf ? 'union' : 'any');

/** A value of another type than the field wants. */
function wrongType(schema: JsonSchema): unknown {
  switch (typeOf(schema)) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'a list' };
    case 'object':
      return 'not-an-object';
    default:
      return { unexpected: [true] };
  }
}

interface Variant {
  name: string;
  payload: string;
  /** The field a validation problem must name; null when any answer 4xx will do. */
  field: string | null;
}

function variantsFor(op: Operation, fill: Fill): Variant[] {
  const body = op.body!;
  const base = (sample(body, '', fill) ?? {}) as Record<string, unknown>;
  const json = (value: unknown) => JSON.stringify(value);
  const variants: Variant[] = [
    { name: 'malformed JSON', payload: '{"unterminated": ', field: null },
    { name: 'a list instead of an object', payload: json([base]), field: null },
  ];
  if (typeOf(body) !== 'object' || !body.properties) return variants;
  variants.push({
    name: 'an unknown field',
    payload: json({ ...base, zzUnknownField: 'x' }),
    field: body.additionalProperties === false ? 'body' : null,
  });
  for (const [name, schema] of Object.entries(body.properties)) {
    variants.push({ name: `${name}: wrong type`, payload: json({ ...base, [name]: wrongType(schema) }), field: name });
    if (body.required?.includes(name)) {
      const { [name]: _left, ...rest } = base;
      variants.push({ name: `${name}: missing`, payload: json(rest), field: name });
    }
    if (typeOf(schema) === 'string' && !schema.enum && !schema.format) {
      const long = 'x'.repeat(Math.min((schema.maxLength ?? 100_000) + 1, 200_000));
      variants.push({
        name: `${name}: oversize`,
        payload: json({ ...base, [name]: long }),
        field: schema.maxLength ? name : null,
      });
      variants.push({
        name: `${name}: control character`,
        payload: json({ ...base, [name]: 'a\u0000b\u001b' }),
        field: name,
      });
    }
  }
  return variants;
}

function check(op: Operation, variant: Variant, res: LightMyRequestResponse): void {
  const label = `${key(op)} — ${variant.name}: ${res.statusCode} ${res.body.slice(0, 240)}`;
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, label);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, label);
  const problem = res.json() as { status: number; title: string; errors?: { field: string }[] };
  assert.equal(problem.status, res.statusCode, label);
  assert.ok(problem.title.length > 0, label);
  if (variant.field && res.statusCode === 400 && problem.errors) {
    const fields = problem.errors.map((e) => e.field);
    const named = fields.some(
      (f) => f === variant.field || f.startsWith(`${variant.field}.`) || (variant.field === 'body' && f === 'body'),
    );
    assert.ok(named, `${label}: names ${fields.join(', ')}`);
  }
}

for (const dialect of dialectsUnderTest()) {
  describe(`fuzzing every write operation from the OpenAPI document (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let ops: Operation[];
    let fill: Fill;

    const fingerprint = () => rowCounts(t.c.db);

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      admin = await t.signIn('admin');
      ops = operationsOf((await t.app.inject('/api/v1/openapi.json')).json()).filter((o) => isWrite(o) && o.body);
      const s1 = await unitIdByName(t, '城关镇第一小学');
      fill = { unitId: s1, idFor: (collection) => (collection === '/api/v1/units' ? s1 : randomUUID()) };
    });
    after(() => t.close());

    it('covers the writes the API has', () => {
      assert.ok(ops.length >= 50, `${ops.length} write operations with a JSON body`);
    });

    it('no 5xx, problem+json naming the field, and no row changes', async () => {
      const before = await fingerprint();
      let sent = 0;
      for (const op of ops) {
        for (const variant of variantsFor(op, fill)) {
          const res = await admin.inject({
            method: op.method.toUpperCase() as 'POST',
            url: urlFor(op, fill),
            payload: variant.payload,
            headers: { 'content-type': 'application/json', 'accept-language': sent % 2 ? 'en' : 'zh-CN' },
          });
          check(op, variant, res);
          sent++;
        }
      }
      assert.deepEqual(await fingerprint(), before, 'no table gained or lost a row');
      assert.ok(sent > 500, `${sent} requests`);
    });
  });
}
