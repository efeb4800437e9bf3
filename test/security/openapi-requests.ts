import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database.js';

/*
 * Requests made from the OpenAPI document alone, so that the access walk and the fuzz test cover
 * every operation, including those added after them, without a list to keep up to date.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
}

export interface Operation {
  method: string;
  /** As documented, e.g. /api/v1/units/{id}. */
  path: string;
  tags: string[];
  public: boolean;
  params: { name: string; in: string; required: boolean; schema: JsonSchema }[];
  /** The JSON body's schema; undefined when the operation takes none or another kind. */
  body: JsonSchema | undefined;
  /** Another kind of body (multipart uploads). */
  otherBody: boolean;
}

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
export const isWrite = (op: Operation) => UNSAFE.has(op.method);

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        tags?: string[];
        security?: unknown[];
        parameters?: Operation['params'];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

/** Every operation of the document. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      return {
        method,
        path,
        tags: op.tags ?? [],
        public: Array.isArray(op.security) && op.security.length === 0,
        params: op.parameters ?? [],
        body: content['application/json']?.schema,
        otherBody: Object.keys(content).some((type) => type !== 'application/json'),
      };
    }),
  );
}

/** What to put where the schema asks for a unit, or for any id. */
export interface Fill {
  unitId: string;
  /** An id for a path parameter, by the collection path it belongs to (`/api/v1/incidents`). */
  idFor(collection: string, name: string): string;
}

const first = <T>(items: T[] | undefined) => items?.[0];

/** A value the schema accepts where it can tell; `name` steers ids towards the unit in `fill`. */
export function sample(schema: JsonSchema, name: string, fill: Fill): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined && !/unit/i.test(name)) return schema.default;
  if (schema.enum) return schema.enum[0];
  const choice = first(schema.anyOf?.filter((s) => s.type !== 'null')) ?? first(schema.oneOf) ?? first(schema.allOf);
  if (choice) return sample(choice, name, fill);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key] ?? {}, key, fill);
      return out;
    }
    case 'array': {
      const item = /unitIds$/i.test(name) ? fill.unitId : undefined;
      return Array.from({ length: schema.minItems ?? 0 }, () => item ?? sample(schema.items ?? {}, name, fill));
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema, name, fill);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema, name: string, fill: Fill): string {
  if (schema.format === 'uuid' || /^\^?\[0-9a-f\]\{8\}/.test(schema.pattern ?? ''))
    return /unit|parent/i.test(name) ? fill.unitId : randomUUID();
  if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  if (schema.format === 'date') return '2027-01-04';
  if (schema.format === 'email') return 'walk@example.org';
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

/** The collection a path parameter belongs to: the path up to it (`/api/v1/incidents/{id}` → `/api/v1/incidents`). */
export const collectionOf = (path: string, param: string) =>
  path.slice(0, path.indexOf(`{${param}}`)).replace(/\/$/, '');

/** The URL of an operation with its path and query parameters filled. */
export function urlFor(op: Operation, fill: Fill, query: Record<string, string> = {}): string {
  let url = op.path;
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const isId =
      p.schema.format === 'uuid' ||
      /^\^?\[0-9a-f\]\{8\}/.test(p.schema.pattern ?? '') ||
      p.name === 'id' ||
      /Id$/.test(p.name);
    const value = /unitId$/i.test(p.name)
      ? fill.unitId
      : isId
        ? fill.idFor(collectionOf(op.path, p.name), p.name)
        : String(sample(p.schema, p.name, fill));
    url = url.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  const search = new URLSearchParams(query);
  for (const p of op.params.filter((x) => x.in === 'query')) {
    if (search.has(p.name)) continue;
    if (/unitId$/i.test(p.name)) search.set(p.name, fill.unitId);
    else if (p.required) search.set(p.name, String(sample(p.schema, p.name, fill)));
  }
  const text = search.toString();
  return text ? `${url}?${text}` : url;
}

/** Every uuid-shaped string anywhere in a JSON value. */
export function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)) into.add(m[0]);
  } else if (Array.isArray(value)) value.forEach((v) => idsIn(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => idsIn(v, into));
  return into;
}

export interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  json(): any;
}

/**
 * Sends one request and reads its answer; a live event stream (which never ends by itself) is
 * closed as soon as its headers are in, so a walk over every GET cannot hang on it.
 */
export async function send(app: FastifyInstance, options: InjectOptions): Promise<Answer> {
  const controller = new AbortController();
  const res = await app.inject({ ...options, payloadAsStream: true, signal: controller.signal });
  const stream = res.stream();
  let body = '';
  if (String(res.headers['content-type']).includes('text/event-stream')) {
    // Aborting closes the request, as a browser leaving would, so the route stops its keep-alive.
    stream.destroy();
    controller.abort();
  } else {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    body = Buffer.concat(chunks).toString('utf8');
  }
  return { statusCode: res.statusCode, headers: res.headers, body, json: () => JSON.parse(body) };
}

/** Every table's row count: what "nothing changed" means to the walk and the fuzz test. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables())
    .map((x) => x.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();
  const counts: Record<string, number> = {};
  for (const table of tables)
    counts[table] = Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n,
    );
  return counts;
}
