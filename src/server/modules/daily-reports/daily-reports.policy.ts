import type { Role } from '../../../common/org.js';
import type { UnitRow } from '../units/units.table.js';
import { AppError, forbidden } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';
import { canSee } from '../units/units.policy.js';

/** Who sends a unit's daily report: its head, safety officer and the people on duty. */
export const REPORTER_ROLES: readonly Role[] = ['accountable_head', 'safety_officer', 'duty_leader', 'duty_staff'];

/** Whom the parent unit's side tells when a report is late or missing. */
export const PARENT_WATCH_ROLES: readonly Role[] = ['safety_officer', 'duty_leader', 'duty_staff'];

/** A unit named in a request body that the actor cannot see: not found, with the field named. */
export const unitUnknown = (field: string) =>
  new AppError(404, 'not-found', 'problem.notFound', {}, [{ field, key: 'dailyReport.unitUnknown' }]);

export function requireVisibleUnit(actor: Actor, unit: UnitRow | undefined, field: string): UnitRow {
  if (!unit || !canSee(actor, unit.path)) throw unitUnknown(field);
  return unit;
}

/**
 * Sending the report is the unit's own act: a role in that very unit, not a supervisor's role
 * above it (a supervisor may read it, never send it for them).
 */
export function requireReporter(actor: Actor, unit: UnitRow): void {
  if (actor.kind === 'system') return;
  const own = actor.scopes.find((s) => s.unitId === unit.id);
  if (!own || !own.roles.some((r) => REPORTER_ROLES.includes(r))) throw forbidden();
}

export function isReporter(actor: Actor, unitId: string): boolean {
  return (
    actor.kind === 'system' ||
    actor.scopes.some((s) => s.unitId === unitId && s.roles.some((r) => REPORTER_ROLES.includes(r)))
  );
}
