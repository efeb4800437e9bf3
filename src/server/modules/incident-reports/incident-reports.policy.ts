import type { Role } from '../../../common/org.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';

/*
 * A report is the unit's own: drafted and sent by people who hold a role in that very unit (a role
 * inherited from above lets one read it, not write it), signed off by its head or acting head, and
 * answered by people of the unit it was sent to.
 */

/** 承办: the head, the safety officer (the plan's office) and the duty leader draft and send. */
export const HANDLER_ROLES: readonly Role[] = ['accountable_head', 'safety_officer', 'duty_leader'];
/** Who answers a received report for the unit above. */
export const RECEIVER_ROLES: readonly Role[] = ['supervisor', 'accountable_head', 'safety_officer'];

/** The roles the actor holds in this unit itself. */
export function rolesIn(actor: Actor, unitId: string): Role[] | 'all' {
  if (actor.kind === 'system') return 'all';
  return actor.scopes.filter((s) => s.unitId === unitId).flatMap((s) => s.roles);
}

const holds = (actor: Actor, unitId: string, wanted: readonly Role[]) => {
  const roles = rolesIn(actor, unitId);
  return roles === 'all' || wanted.some((r) => roles.includes(r));
};

export const mayHandle = (actor: Actor, unitId: string): boolean => holds(actor, unitId, HANDLER_ROLES);
export const mayReceive = (actor: Actor, unitId: string): boolean => holds(actor, unitId, RECEIVER_ROLES);

export function requireHandler(actor: Actor, unitId: string): void {
  if (!mayHandle(actor, unitId)) throw new AppError(403, 'forbidden', 'report.notHandler');
}

export function requireReceiver(actor: Actor, unitId: string): void {
  if (!mayReceive(actor, unitId)) throw new AppError(403, 'forbidden', 'report.notReceiver');
}

/** Signs as the head, as the acting head (the head is on approved leave), or may not sign. */
export function signerKind(
  actor: Actor,
  unitId: string,
  acting: { deputyPersonId: string } | null,
): 'head' | 'acting_head' | null {
  if (actor.kind !== 'account') return null;
  if (acting?.deputyPersonId === actor.personId) return 'acting_head';
  return holds(actor, unitId, ['accountable_head']) ? 'head' : null;
}
