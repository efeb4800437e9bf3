import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { pickLocale, type Locale } from '../../common/locale.js';
import type { Problem } from '../../common/schemas/shared.js';
import { AppError, type FieldProblem } from '../lib/errors.js';
import { fieldLabel, translate, type MessageKey } from '../lib/messages.js';
import { fieldProblems, type ValidationEntry } from './validation.js';

const TYPE_BASE = 'https://steady.invalid/problems/';

export function requestLocale(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}

/** "名称：不能为空" / "name must not be empty": the field's label, then what is wrong with it. */
export function describeField(locale: Locale, problem: FieldProblem): { field: string; message: string } {
  const params = { ...problem.params };
  for (const [name, key] of Object.entries(problem.paramKeys ?? {})) params[name] = translate(locale, key);
  const label = fieldLabel(locale, problem.field);
  const text = translate(locale, problem.key, params);
  return { field: problem.field, message: locale === 'zh-CN' ? `${label}：${text}` : `${label} ${text}` };
}

function problemOf(
  locale: Locale,
  status: number,
  type: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
  fields: FieldProblem[] = [],
): Problem {
  const title = translate(locale, key, params);
  const errors = fields.map((f) => describeField(locale, f));
  return {
    type: `${TYPE_BASE}${type}`,
    title,
    status,
    ...(errors.length ? { errors, detail: errors.map((e) => e.message).join(locale === 'zh-CN' ? '；' : '; ') } : {}),
  };
}

/** Maps every failure to RFC 9457 problem details in the requester's language. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const locale = requestLocale(request);
  if (error instanceof AppError)
    return problemOf(locale, error.status, error.type, error.key, error.params, error.fields);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError & { validationContext?: string }).validationContext;
    const input = context === 'querystring' ? request.query : context === 'params' ? request.params : request.body;
    return problemOf(
      locale,
      400,
      'validation',
      'problem.validation',
      {},
      fieldProblems(error.validation as unknown as ValidationEntry[], input),
    );
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf(locale, 400, 'bad-json', 'problem.badJson', { detail: fastifyError.message });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf(locale, 413, 'too-large', 'problem.tooLarge', { limit: request.routeOptions.bodyLimit ?? 0 });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // A path parameter longer than any route takes cannot name anything that exists.
      return notFoundProblem(request);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf(locale, 415, 'unsupported-media-type', 'problem.unsupportedMedia', {
        type: String(request.headers['content-type'] ?? ''),
      });
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { type: `${TYPE_BASE}client-error`, title: fastifyError.message, status: fastifyError.statusCode };
  }
  return problemOf(locale, 500, 'internal', 'problem.internal');
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

export function notFoundProblem(request: FastifyRequest): Problem {
  return problemOf(requestLocale(request), 404, 'not-found', 'problem.routeNotFound', {
    method: request.method,
    url: request.url.split('?')[0] ?? '',
  });
}
