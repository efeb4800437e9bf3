import { AppError } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';

/** A plan is approved by its own unit's accountable head (or by Steady itself at the CLI). */
export function requireApprover(actor: Actor, unitId: string): void {
  if (actor.kind === 'system') return;
  const head = actor.scopes.some((s) => s.unitId === unitId && s.roles.includes('accountable_head'));
  if (!head) throw new AppError(403, 'forbidden', 'plan.onlyHeadPublishes');
}
