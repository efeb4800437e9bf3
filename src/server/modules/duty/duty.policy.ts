import { forbidden } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireSee, rolesOver } from '../units/units.policy.js';

/*
 * Anyone who can see a unit can read its roster: duty staff need it as much as supervisors do.
 * Keeping the roster — shifts, rotations, imports, overrides — is the safety officer's work
 * (办公室、专人负责), held in the unit or in a unit above it.
 */

export function isRosterKeeper(actor: Actor, path: string): boolean {
  const roles = rolesOver(actor, path);
  return roles === 'all' || roles.has('safety_officer');
}

export function requireRosterKeeper(actor: Actor, path: string): void {
  requireSee(actor, path);
  if (!isRosterKeeper(actor, path)) throw forbidden();
}

/** The person behind an account; Steady itself acts for nobody on a roster. */
export function personOf(actor: Actor): string | null {
  return actor.kind === 'account' ? actor.personId : null;
}
