import { ApiError } from '../../api/client.js';

/** The same error with `prefix` taken off its field names, for a form whose fields sit under it. */
export function withoutFieldPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiError) || !error.fieldErrors.length) return error;
  const errors = error.fieldErrors.map((e) => ({
    ...e,
    field: e.field.startsWith(prefix) ? e.field.slice(prefix.length) : e.field,
  }));
  return new ApiError({ ...error.problem, errors });
}
