import type { FieldProblem } from '../lib/errors.js';
import type { MessageKey } from '../lib/messages.js';

/** One entry of `error.validation` as fastify-type-provider-zod reports a zod issue. */
export interface ValidationEntry {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const TYPE_KEYS: Record<string, MessageKey> = {
  string: 'type.string', number: 'type.number', int: 'type.number', boolean: 'type.boolean', object: 'type.object', array: 'type.array',
};
const FORMAT_KEYS: Record<string, MessageKey> = {
  email: 'format.email', uuid: 'format.uuid', regex: 'format.regex', datetime: 'format.datetime', url: 'format.url',
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

function sizeProblem(kind: 'small' | 'big', params: Record<string, unknown>): { key: MessageKey; params: Record<string, string | number> } {
  const origin = String(params.origin ?? '');
  const bound = Number(kind === 'small' ? params.minimum : params.maximum);
  if (origin === 'string') {
    if (kind === 'small') return bound <= 1 ? { key: 'field.empty', params: {} } : { key: 'field.tooShort', params: { min: bound } };
    return { key: 'field.tooLong', params: { max: bound } };
  }
  if (origin === 'array' || origin === 'set') {
    return kind === 'small' ? { key: 'field.tooFewItems', params: { min: bound } } : { key: 'field.tooManyItems', params: { max: bound } };
  }
  return kind === 'small' ? { key: 'field.tooSmall', params: { min: bound } } : { key: 'field.tooBig', params: { max: bound } };
}

/**
 * Turns zod's issues into field problems the message catalogue can phrase in either language.
 * `input` is what the client sent, to tell a missing field from a wrong one.
 */
export function fieldProblems(entries: ValidationEntry[], input: unknown): FieldProblem[] {
  return entries.map((entry) => {
    const path = entry.instancePath.split('/').filter(Boolean);
    const field = path.join('.') || 'body';
    const p = entry.params;
    switch (entry.keyword) {
      case 'invalid_type':
        if (valueAt(input, path) === undefined) return { field, key: 'field.required' };
        return withKey({ field, key: 'field.wrongType', params: { expected: String(p.expected ?? '') } }, 'expected', TYPE_KEYS[String(p.expected)]);
      case 'too_small':
        return { field, ...sizeProblem('small', p) };
      case 'too_big':
        return { field, ...sizeProblem('big', p) };
      case 'invalid_value':
        return { field, key: 'field.oneOf', params: { values: ((p.values as unknown[]) ?? []).map(String).join(', ') } };
      case 'invalid_format':
        return withKey({ field, key: 'field.format', params: { format: String(p.format ?? '') } }, 'format', FORMAT_KEYS[String(p.format)]);
      case 'unrecognized_keys':
        return { field, key: 'field.unknownKeys', params: { keys: ((p.keys as unknown[]) ?? []).map(String).join(', ') } };
      case 'custom': {
        const key = (p.params as { key?: MessageKey } | undefined)?.key;
        return { field, key: key ?? 'field.invalid' };
      }
      default:
        return { field, key: 'field.invalid' };
    }
  });
}
