import type { Actor } from '../auth/actor.js';
import { ORG_MANAGER_ROLES } from '../../../common/org.js';
import { canSee, rolesOver } from '../units/units.policy.js';

/*
 * Who sees a sheet: the supervising unit's side (anyone who can see that unit) sees every unit's
 * score; a unit below sees the sheet and its own score, never another unit's.
 */

/** The reader holds a role in, or above, a unit the sheet scores. */
export function isAssessedSide(actor: Actor, sheetUnitPath: string): boolean {
  return (
    actor.kind === 'system' || actor.scopes.some((s) => s.path.startsWith(sheetUnitPath) && s.path !== sheetUnitPath)
  );
}

export function canReadSheet(actor: Actor, sheetUnitPath: string): boolean {
  return canSee(actor, sheetUnitPath) || isAssessedSide(actor, sheetUnitPath);
}

/** A unit's answer comes from someone who holds a role in that very unit. */
export const answersFor = (actor: Actor, unitId: string) =>
  actor.kind === 'system' || actor.scopes.some((s) => s.unitId === unitId);

/** Items, weights and hand scores are changed by those who manage the supervising unit. */
export function canEditSheet(actor: Actor, sheetUnitPath: string): boolean {
  const roles = rolesOver(actor, sheetUnitPath);
  return roles === 'all' || ORG_MANAGER_ROLES.some((r) => roles.has(r));
}
