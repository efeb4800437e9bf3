import type { Role } from '../../../common/org.js';

/*
 * Which menu entries each role uses, by route. A person sees the entries of every role they hold,
 * anywhere; the rest stay reachable by link, and the server decides access on every request.
 * Kept apart from the icons and labels (navigation.tsx) so that it reads as one table and is tested.
 */

/** The entries everybody has: the home screen (my to-do) and reporting an incident. */
const EVERYONE = ['/', '/incidents/new'] as const;

/** Routine work of the people on duty. */
const ON_DUTY = ['/incidents', '/duty', '/patrols', '/daily-reports', '/visitors'] as const;

/** Running a unit's safety work: plans, people, the routine, inspections and drills. */
const RUNS_UNIT = [
  '/units',
  '/people',
  '/plans',
  '/incidents',
  '/incident-reports',
  '/drills',
  '/duty',
  '/patrols',
  '/daily-reports',
  '/directives',
  '/inspections',
  '/visitors',
  '/cases',
  '/letters',
] as const;

/** Holding the units below to account. */
const SUPERVISES = [
  '/units',
  '/plans',
  '/incidents',
  '/incident-reports',
  '/daily-reports',
  '/directives',
  '/inspections',
  '/drills',
  '/assessment',
  '/letters',
  '/compliance',
  '/analytics',
  '/cases',
] as const;

export const MENU_BY_ROLE: Record<Role, readonly string[]> = {
  gatekeeper: [...EVERYONE, '/visitors', '/patrols'],
  class_teacher: [...EVERYONE, '/roll-calls', '/daily-reports', '/drills', '/duty', '/rosters'],
  staff: [...EVERYONE, '/duty', '/cases'],
  duty_staff: [...EVERYONE, ...ON_DUTY],
  duty_leader: [...EVERYONE, ...ON_DUTY, '/directives', '/inspections'],
  // Class rosters are children's data: the school's own keepers and class teachers, not administrators or units above.
  // So is the roll call, which lists the same children. Reunification too: release staff reach it from their
  // to-do while one is open, not from a menu.
  safety_officer: [...EVERYONE, '/roll-calls', ...RUNS_UNIT, '/rosters', '/reunifications'],
  accountable_head: [...EVERYONE, '/roll-calls', ...RUNS_UNIT, '/rosters', '/reunifications'],
  supervisor: [...EVERYONE, ...SUPERVISES],
  admin: [...EVERYONE, '/units', '/people', '/channels', ...RUNS_UNIT, ...SUPERVISES],
};

/** The routes whose entries a person with these roles sees. */
export function menuPathsFor(roles: Iterable<Role>): Set<string> {
  const paths = new Set<string>(EVERYONE);
  for (const role of roles) for (const path of MENU_BY_ROLE[role]) paths.add(path);
  return paths;
}
