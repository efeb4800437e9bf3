import type { Role } from '../../../common/org.js';
import type { GroupKind } from '../../../common/schemas/roll-calls.js';
import type { Actor } from '../auth/actor.js';
import { keepsRosters, teachesClass } from '../rosters/rosters.policy.js';

/*
 * Who does what in a roll call. Counts follow the tree: anyone who can see the unit sees them, a
 * supervisor above included. Names do not (domain, "Pupils' data"): a class's names are opened by
 * its own teacher and by the school's keepers of rosters — its head and safety officer, holding the
 * role at the school itself (`rosters.policy`); the staff on duty and the visitors inside also by
 * the gate and duty roles at the school. Whoever may open a group marks it.
 */

/** Besides the keepers, those at the school who may open (and mark) the staff and visitors lists. */
const GATE_AND_DUTY: readonly Role[] = ['gatekeeper', 'duty_leader', 'duty_staff'];

const holdsHere = (actor: Actor, unitId: string, roles: readonly Role[]) =>
  actor.kind === 'system' || actor.scopes.some((s) => s.unitId === unitId && s.roles.some((r) => roles.includes(r)));

const isPerson = (actor: Actor, ids: (string | null)[]) => actor.kind === 'account' && ids.includes(actor.personId);

/** The head or safety officer of the school; from an incident, also one of its handlers. */
export const mayStart = (actor: Actor, unitId: string, handlerIds: string[] = []): boolean =>
  keepsRosters(actor, unitId) || isPerson(actor, handlerIds);

/** The head or safety officer of the school, or whoever started it. */
export const mayClose = (actor: Actor, rc: { unit_id: string; started_by_person_id: string | null }): boolean =>
  keepsRosters(actor, rc.unit_id) || isPerson(actor, [rc.started_by_person_id]);

export interface GroupRef {
  kind: GroupKind;
  unitId: string;
  /** The class, for a class group (null once the class is gone). */
  cls: { unit_id: string; teacher_person_id: string | null } | null;
}

/** May open the group's names and mark them. */
export function mayOpenGroup(actor: Actor, group: GroupRef): boolean {
  if (keepsRosters(actor, group.unitId)) return true;
  if (group.kind === 'class') return group.cls !== null && teachesClass(actor, group.cls);
  return holdsHere(actor, group.unitId, GATE_AND_DUTY);
}
