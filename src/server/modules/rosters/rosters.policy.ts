import type { Actor } from '../auth/actor.js';

/*
 * Who may see a roster (domain, "Pupils' data"): the head and the safety officer of the school
 * itself — a role held at a unit above does not reach children's data — and a class's own teacher
 * for that class. Units above see counts in roll calls, never the names.
 */

const KEEPERS = new Set(['accountable_head', 'safety_officer']);

/** Holds the head's or the safety officer's role at this very unit (or is Steady itself). */
export function keepsRosters(actor: Actor, unitId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.scopes.some((s) => s.unitId === unitId && s.roles.some((r) => KEEPERS.has(r)));
}

/** The class's own teacher, still holding a role at the school. */
export function teachesClass(actor: Actor, cls: { unit_id: string; teacher_person_id: string | null }): boolean {
  if (actor.kind !== 'account' || cls.teacher_person_id !== actor.personId) return false;
  return actor.scopes.some((s) => s.unitId === cls.unit_id);
}

/**
 * Release staff of a reunification see the school's pupils and who may collect them, and release
 * them, only while it is open; closing it ends their access (domain, "Pupils' data").
 */
export function releasesChildren(
  actor: Actor,
  reunification: { unit_id: string; status: string },
  staffPersonIds: readonly string[],
): boolean {
  if (actor.kind !== 'account' || reunification.status !== 'open') return false;
  if (!staffPersonIds.includes(actor.personId)) return false;
  return actor.scopes.some((s) => s.unitId === reunification.unit_id);
}
