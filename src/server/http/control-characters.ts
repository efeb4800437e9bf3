import type { FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from '../lib/errors.js';

/*
 * One place for every text a request carries — JSON body, query string, path parameters — before
 * any schema or database sees it. PostgreSQL cannot store NUL in text (a 500 from every input) and
 * SQLite stores it silently; other control characters are invisible in a record and useful only to
 * whoever wants a log or a document to read differently from what it holds. Tab and line breaks
 * (\n, or \r\n as Windows writes a line end) are text and stay allowed.
 */

// C0 controls other than tab and newline, DEL, and the C1 controls: finding them is the point.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;

/** The dotted path of each string (or object key) with a control character in it, at most `max`. */
export function controlCharacterPaths(value: unknown, prefix = '', max = 20): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (found.length >= max) return;
    if (typeof node === 'string') {
      if (FORBIDDEN.test(node)) found.push(path);
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i)));
    } else if (node !== null && typeof node === 'object' && !Buffer.isBuffer(node)) {
      for (const [key, child] of Object.entries(node)) {
        const at = path ? `${path}.${key}` : key;
        if (FORBIDDEN.test(key)) found.push(at);
        else walk(child, at);
      }
    }
  };
  walk(value, prefix);
  return found;
}

/** Refuses a request with a control character anywhere in its text with 400, naming each field. */
export function registerControlCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...controlCharacterPaths(request.params),
      ...controlCharacterPaths(request.query),
      ...controlCharacterPaths(request.body),
    ];
    if (paths.length === 0) return;
    const fields: FieldProblem[] = paths.map((field) => ({ field: field || 'body', key: 'field.controlCharacters' }));
    throw new AppError(400, 'validation', 'problem.validation', {}, fields);
  });
}
