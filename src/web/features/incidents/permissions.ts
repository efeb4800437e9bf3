import type { Me } from '../../../common/schemas/auth.js';
import { ORG_MANAGER_ROLES } from '../../../common/org.js';

/**
 * Whether to offer the status and close buttons: the user manages the incident's unit, or manages
 * the unit above it through which they see it. Only a hint for the screen; the server decides.
 */
export function mayManageIncident(me: Me, unitId: string): boolean {
  const manages = (roles: readonly string[]) => roles.some((r) => (ORG_MANAGER_ROLES as readonly string[]).includes(r));
  if (me.isAdmin) return true;
  const own = me.scopes.find((s) => s.unitId === unitId);
  if (own && manages(own.roles)) return true;
  // Seen from a unit above: roles held there reach down.
  return me.scopes.some((s) => s.unitId !== unitId && manages(s.roles));
}
