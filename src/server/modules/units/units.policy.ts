import { ORG_MANAGER_ROLES, type Role } from '../../../common/org.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';

/*
 * Access follows the tree: an actor acts on the units where they hold a role and on every unit
 * below them, never on a sibling or a parent. Paths are `/root/.../id/`, so "below" is a prefix.
 */

const covers = (scopePath: string, unitPath: string) => unitPath.startsWith(scopePath);

/** Roles the actor holds over the unit at `path`, gathered from every scope above it. */
export function rolesOver(actor: Actor, path: string): Set<Role> | 'all' {
  if (actor.kind === 'system') return 'all';
  const roles = new Set<Role>();
  for (const scope of actor.scopes) if (covers(scope.path, path)) scope.roles.forEach((r) => roles.add(r));
  return roles;
}

export function canSee(actor: Actor, path: string): boolean {
  const roles = rolesOver(actor, path);
  return roles === 'all' || roles.size > 0;
}

function holdsAny(actor: Actor, path: string, wanted: readonly Role[]): boolean {
  const roles = rolesOver(actor, path);
  return roles === 'all' || wanted.some((r) => roles.has(r));
}

/** Reading: a unit outside the actor's subtree does not exist for them (404, not 403). */
export function requireSee(actor: Actor, path: string): void {
  if (!canSee(actor, path)) throw notFound();
}

/** Changing units, people and roles in the subtree. */
export function requireManage(actor: Actor, path: string): void {
  requireSee(actor, path);
  if (!holdsAny(actor, path, ORG_MANAGER_ROLES)) throw forbidden();
}

/** Accounts and passwords: administrators only. */
export function requireAdmin(actor: Actor, path: string): void {
  requireSee(actor, path);
  if (!holdsAny(actor, path, ['admin'])) throw forbidden();
}

/** The paths of the actor's top units; null for a system actor, who sees everything. */
export function scopeRoots(actor: Actor): string[] | null {
  if (actor.kind === 'system') return null;
  const paths = actor.scopes.map((s) => s.path).sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => covers(q, p)));
}
