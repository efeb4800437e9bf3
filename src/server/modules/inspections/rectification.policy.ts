import { ORG_MANAGER_ROLES } from '../../../common/org.js';
import { AppError, forbidden } from '../../lib/errors.js';
import type { Actor, Scope } from '../auth/actor.js';
import { rolesOver } from '../units/units.policy.js';

/*
 * Who may do what to a rectification task. The unit's managers (head, safety officer, supervisor,
 * admin) run it; the owner fixes it; a second person verifies it. Once a parent unit supervises it
 * (挂牌督办), closing and changing it belong to that unit alone.
 */

export interface TaskAccess {
  owner_person_id: string;
  unit_path: string;
  supervising_unit_path: string | null;
  supervising_unit_name: string | null;
  state: string;
}

const manages = (actor: Actor, path: string) => {
  const roles = rolesOver(actor, path);
  return roles === 'all' || ORG_MANAGER_ROLES.some((r) => roles.has(r));
};

const isOwner = (actor: Actor, task: TaskAccess) => actor.kind === 'account' && actor.personId === task.owner_person_id;

/** The path whose managers decide about the task: the supervising unit's, else its own unit's. */
const decidingPath = (task: TaskAccess) => task.supervising_unit_path ?? task.unit_path;

export function canReportFixed(actor: Actor, task: TaskAccess): boolean {
  return (
    (task.state === 'open' || task.state === 'reopened') && (isOwner(actor, task) || manages(actor, task.unit_path))
  );
}

export function requireReportFixed(actor: Actor, task: TaskAccess): void {
  if (!isOwner(actor, task) && !manages(actor, task.unit_path))
    throw new AppError(403, 'forbidden', 'rectification.onlyOwnerReports');
}

/** Verification (复查): never by the owner; under supervision only by the supervising unit. */
export function requireVerify(actor: Actor, task: TaskAccess): void {
  if (isOwner(actor, task)) throw new AppError(403, 'forbidden', 'rectification.ownerCannotVerify');
  if (task.supervising_unit_path && !manages(actor, task.supervising_unit_path)) {
    throw new AppError(403, 'forbidden', 'rectification.supervisedCloseOnly', {
      unit: task.supervising_unit_name ?? '',
    });
  }
  if (!manages(actor, decidingPath(task))) throw forbidden();
}

export function canVerify(actor: Actor, task: TaskAccess): boolean {
  if (task.state !== 'awaiting_verification') return false;
  try {
    requireVerify(actor, task);
    return true;
  } catch {
    return false;
  }
}

export function requireEdit(actor: Actor, task: TaskAccess): void {
  if (task.supervising_unit_path && !manages(actor, task.supervising_unit_path)) {
    throw new AppError(403, 'forbidden', 'rectification.supervisedCloseOnly', {
      unit: task.supervising_unit_name ?? '',
    });
  }
  if (!manages(actor, decidingPath(task))) throw forbidden();
}

export const canEdit = (actor: Actor, task: TaskAccess) =>
  task.state !== 'closed' && manages(actor, decidingPath(task));

/**
 * The unit an actor supervises the task from: the nearest unit above the task's own where the
 * actor holds a managing role. None for the unit's own people.
 */
export function supervisingScope(actor: Actor, unitPath: string): Scope | null {
  if (actor.kind !== 'account') return null;
  const above = actor.scopes.filter(
    (s) => s.path !== unitPath && unitPath.startsWith(s.path) && s.roles.some((r) => ORG_MANAGER_ROLES.includes(r)),
  );
  return above.sort((a, b) => b.path.length - a.path.length)[0] ?? null;
}

export function requireSupervisingScope(actor: Actor, unitPath: string): Scope {
  const scope = supervisingScope(actor, unitPath);
  if (!scope) throw new AppError(403, 'forbidden', 'rectification.superviseParentOnly');
  return scope;
}
