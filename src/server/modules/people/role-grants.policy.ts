import type { Role } from '../../../common/org.js';
import { AppError } from '../../lib/errors.js';
import type { MessageKey } from '../../lib/messages.js';
import type { Actor } from '../auth/actor.js';

/*
 * Who may grant or remove which role, where (issue 12; the matrix is in docs/security.md):
 * - nobody grants or removes their own roles;
 * - administrator: an administrator of the unit or of a unit above;
 * - accountable head: that, or the accountable head or a supervisor of a unit above;
 * - safety officer and supervisor: those, or the unit's own accountable head;
 * - the operational roles (duty leader, duty staff, class teacher, gatekeeper, staff): those, or a
 *   safety officer of the unit or of a unit above, who keeps the roster.
 * Removing follows the same rule; the last accountable head of a unit cannot be removed.
 */

/** How far up a grantor's roles must sit: over the unit (the unit or above) or strictly above it. */
type Reach = 'over' | 'above';

const GRANTORS: Record<Role, [Reach, readonly Role[]][]> = {
  admin: [['over', ['admin']]],
  accountable_head: [
    ['over', ['admin']],
    ['above', ['accountable_head', 'supervisor']],
  ],
  safety_officer: [
    ['over', ['admin', 'accountable_head']],
    ['above', ['supervisor']],
  ],
  supervisor: [
    ['over', ['admin', 'accountable_head']],
    ['above', ['supervisor']],
  ],
  duty_leader: [
    ['over', ['admin', 'accountable_head', 'safety_officer']],
    ['above', ['supervisor']],
  ],
  duty_staff: [
    ['over', ['admin', 'accountable_head', 'safety_officer']],
    ['above', ['supervisor']],
  ],
  class_teacher: [
    ['over', ['admin', 'accountable_head', 'safety_officer']],
    ['above', ['supervisor']],
  ],
  gatekeeper: [
    ['over', ['admin', 'accountable_head', 'safety_officer']],
    ['above', ['supervisor']],
  ],
  staff: [
    ['over', ['admin', 'accountable_head', 'safety_officer']],
    ['above', ['supervisor']],
  ],
};

/** For the docs and the tests: who may grant `role`. */
export const grantorsOf = (role: Role) => GRANTORS[role];

/** The role and reach by which the actor may grant or remove `role` in the unit at `unitPath`; null if none. */
export function grantAuthority(actor: Actor, role: Role, unitPath: string): string | null {
  if (actor.kind === 'system') return `system:${actor.label}`;
  for (const [reach, roles] of GRANTORS[role]) {
    for (const scope of actor.scopes) {
      const fits =
        reach === 'over' ? unitPath.startsWith(scope.path) : unitPath.startsWith(scope.path) && unitPath !== scope.path;
      const held = fits ? roles.find((r) => scope.roles.includes(r)) : undefined;
      if (held) return `${held}@${reach === 'over' && unitPath === scope.path ? 'unit' : 'above'}`;
    }
  }
  return null;
}

const refuse = (why: MessageKey) =>
  new AppError(403, 'role-grant', 'role.grantForbidden', {}, [
    { field: 'role', key: 'role.grantForbidden', paramKeys: { why } },
  ]);

/**
 * Checks the grant rule before anything changes; answers the authority used, for the audit trail.
 * The actor is already known to manage the unit (403/404 for the tree are decided before).
 */
export function requireMayGrant(actor: Actor, personId: string, role: Role, unitPath: string): string {
  if (actor.kind === 'account' && actor.personId === personId) throw refuse('role.why.self');
  const authority = grantAuthority(actor, role, unitPath);
  if (authority) return authority;
  if (role === 'admin' || role === 'accountable_head') throw refuse('role.why.fromAbove');
  throw refuse('role.why.manager');
}
