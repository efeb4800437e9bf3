import { ORG_MANAGER_ROLES, type Role } from '../../../common/org.js';
import { forbidden } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireSee, rolesOver } from '../units/units.policy.js';

/*
 * Who may do what with patrols. Seeing follows the tree (404 outside it). Checking in is for the
 * people who walk the rounds — duty staff and leaders, the gate, the safety officer and the
 * head — over the unit. Keeping the checkpoints (and seeing their secret codes) is for those who
 * manage the unit, as with any other part of its organisation (units.policy requireManage).
 */

export const PATROL_ROLES: readonly Role[] = [
  'duty_staff',
  'duty_leader',
  'gatekeeper',
  'safety_officer',
  'accountable_head',
];

export function canPatrol(actor: Actor, path: string): boolean {
  const roles = rolesOver(actor, path);
  return roles === 'all' || PATROL_ROLES.some((r) => roles.has(r));
}

export function requirePatrol(actor: Actor, path: string): void {
  requireSee(actor, path);
  if (!canPatrol(actor, path)) throw forbidden();
}

/** Keeping the checkpoints and their codes: the unit's managers (as units.policy requireManage). */
export function canManage(actor: Actor, path: string): boolean {
  const roles = rolesOver(actor, path);
  return roles === 'all' || ORG_MANAGER_ROLES.some((r) => roles.has(r));
}
