import type { FieldProblem } from '../lib/errors.js';
import type { MessageKey } from '../lib/messages.js';

/** One entry of `error.validation` as fastify-type-provider-zod reports a zod issue. */
export interface ValidationEntry {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const TYPE_KEYS: Record<string, MessageKey> = {
  string: 'type.string',
  number: 'type.number',
  int: 'type.number',
  boolean: 'type.boolean',
  object: 'type.object',
  array: 'type.array',
};
const FORMAT_KEYS: Record<string, MessageKey> = {
  email: 'format.email',
  uuid: 'format.uuid',
  regex: 'format.regex',
  datetime: 'format.datetime',
  url: 'format.url',
};

function withKey(problem: FieldProblem, param: string, key: MessageKey | undefined): FieldProblem {
  return key ? { ...problem, paramKeys: { [param]: key } } : problem;
}

function valueAt(root: unknown, path: string[]): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function sizeProblem(
  kind: 'small' | 'big',
  params: Record<string, unknown>,
): { key: MessageKey; params: Record<string, string | number> } {
  const origin = String(params.origin ?? '');
  const bound = Number(kind === 'small' ? params.minimum : params.maximum);
  if (origin === 'string') {
    if (kind === 'small')
      return bound <= 1 ? { key: 'field.empty', params: {} } : { key: 'field.tooShort', params: { min: bound } };
    return { key: 'field.tooLong', params: { max: bound } };
  }
  if (origin === 'array' || origin === 'set') {
    return kind === 'small'
      ? { key: 'field.tooFewItems', params: { min: bound } }
      : { key: 'field.tooManyItems', params: { max: bound } };
  }
  return kind === 'small'
    ? { key: 'field.tooSmall', params: { min: bound } }
    : { key: 'field.tooBig', params: { max: bound } };
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message?: string;
  [other: string]: unknown;
}

/**
 * Of a union that matched no option, the option the client most likely meant, as entries: the one
 * that does not find whole fields unknown, then the one with the fewest problems (the first on a tie).
 * Without this, `{ "channel": "pager" }` would only be "methods.1 is invalid".
 */
function closestBranch(entry: ValidationEntry): ValidationEntry[] | null {
  const branches = entry.params.errors as ZodIssueLike[][] | undefined;
  if (!branches?.length) return null;
  const score = (issues: ZodIssueLike[]) =>
    (issues.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0) ? 1000 : 0) + issues.length;
  const best = branches.reduce((a, b) => (score(b) < score(a) ? b : a));
  return best.map(({ code, path, message, ...params }) => ({
    keyword: code,
    instancePath: `${entry.instancePath}/${path.map(String).join('/')}`.replace(/\/+$/, ''),
    params: { ...params, message },
  }));
}

/**
 * Turns zod's issues into field problems the message catalogue can phrase in either language.
 * `input` is what the client sent, to tell a missing field from a wrong one.
 */
export function fieldProblems(entries: ValidationEntry[], input: unknown): FieldProblem[] {
  return entries.flatMap((entry) => {
    const branch = entry.keyword === 'invalid_union' ? closestBranch(entry) : null;
    if (branch) return fieldProblems(branch, input);
    const path = entry.instancePath.split('/').filter(Boolean);
    const field = path.join('.') || 'body';
    const p = entry.params;
    switch (entry.keyword) {
      case 'invalid_type':
        if (valueAt(input, path) === undefined) return { field, key: 'field.required' };
        return withKey(
          { field, key: 'field.wrongType', params: { expected: String(p.expected ?? '') } },
          'expected',
          TYPE_KEYS[String(p.expected)],
        );
      case 'too_small':
        return { field, ...sizeProblem('small', p) };
      case 'too_big':
        return { field, ...sizeProblem('big', p) };
      case 'invalid_value':
        return {
          field,
          key: 'field.oneOf',
          params: { values: ((p.values as unknown[]) ?? []).map(String).join(', ') },
        };
      case 'invalid_format':
        return withKey(
          { field, key: 'field.format', params: { format: String(p.format ?? '') } },
          'format',
          FORMAT_KEYS[String(p.format)],
        );
      case 'unrecognized_keys':
        return {
          field,
          key: 'field.unknownKeys',
          params: { keys: ((p.keys as unknown[]) ?? []).map(String).join(', ') },
        };
      case 'custom': {
        const key = (p.params as { key?: MessageKey } | undefined)?.key;
        return { field, key: key ?? 'field.invalid' };
      }
      default:
        return { field, key: 'field.invalid' };
    }
  });
}
