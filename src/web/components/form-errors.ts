import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.js';

/**
 * Puts the server's field errors on the matching form fields (`admin.username` → ['admin','username'])
 * and returns the message to show for the rest, or null when every error found its field.
 * Server messages are already localised and name the field, so they stand on their own.
 */
export function applyProblem(form: FormInstance | null, error: unknown): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const known = new Set(form ? form.getFieldsError().map((f) => f.name.join('.')) : []);
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const { field, message } of error.fieldErrors) {
    if (form && known.has(field)) {
      placed.push({ name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [message] });
    } else {
      unplaced.push(message);
    }
  }
  if (form && placed.length) form.setFields(placed);
  if (placed.length && !unplaced.length) return null;
  return unplaced.length ? unplaced.join(' ') : (error.problem.detail ?? error.problem.title);
}
