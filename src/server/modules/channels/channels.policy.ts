import { forbidden } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';

/**
 * Vendor accounts serve the whole installation, so only an administrator of a top unit may see or
 * change them (the bureau's administrator, not a school's).
 */
export function requireTopAdmin(actor: Actor): void {
  if (actor.kind === 'system') return;
  const top = actor.scopes.some((s) => s.roles.includes('admin') && s.path.split('/').filter(Boolean).length === 1);
  if (!top) throw forbidden();
}
