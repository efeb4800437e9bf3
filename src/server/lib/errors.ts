import type { MessageKey } from './messages.js';

/** One bad field: where it is and which message explains it. */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
  /** Parameters whose value is itself a message to translate, such as the expected type. */
  paramKeys?: Record<string, MessageKey>;
}

/**
 * A failure the user can understand. The HTTP layer turns it into application/problem+json in the
 * user's language; the domain only says which problem it was.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(`${type}: ${key}`);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'not-found', 'problem.notFound');
export const forbidden = () => new AppError(403, 'forbidden', 'problem.forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'problem.unauthenticated');
export const conflict = (key: MessageKey, params: Record<string, string | number> = {}, field?: string) =>
  new AppError(409, 'conflict', key, params, field ? [{ field, key, params }] : []);
/** A rule of the domain refused the input; names the field when there is one. */
export const invalid = (field: string, key: MessageKey, params: Record<string, string | number> = {}) =>
  new AppError(422, 'validation', 'problem.validation', {}, [{ field, key, params }]);
/** Several bad fields at once, all named; thrown only when there is at least one. */
export const invalidFields = (problems: FieldProblem[]) =>
  new AppError(422, 'validation', 'problem.validation', {}, problems);
