import type { Me } from '../../../common/schemas/auth.js';
import { ORG_MANAGER_ROLES } from '../../../common/org.js';

/** Units where the user holds a role that may change the organisation below them. */
export function managedUnitIds(me: Me): Set<string> {
  return new Set(me.scopes.filter((s) => s.roles.some((r) => ORG_MANAGER_ROLES.includes(r))).map((s) => s.unitId));
}

export function canManageAnything(me: Me): boolean {
  return managedUnitIds(me).size > 0;
}

/**
 * Whether the user may change `unitId`, judged from the ancestors the screen knows (`parentOf`).
 * Only a hint for hiding buttons: the server decides.
 */
export function canManageUnit(me: Me, unitId: string, parentOf: (id: string) => string | null | undefined): boolean {
  const managed = managedUnitIds(me);
  let current: string | null | undefined = unitId;
  for (let hops = 0; current && hops < 50; hops++) {
    if (managed.has(current)) return true;
    current = parentOf(current);
  }
  return false;
}

/** Admins manage accounts; the role is held somewhere in the user's scopes. */
export function canManageAccounts(me: Me): boolean {
  return me.isAdmin || me.scopes.some((s) => s.roles.includes('admin'));
}
