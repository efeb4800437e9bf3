import type { Executor } from '../../db/database.js';
import type { RecordFact, Window } from '../../lib/record-facts.js';
import { inSubtrees, subtree } from '../../db/subtree.js';

/*
 * The incidents module's read port: each reporting-chain step of a real (not drill) incident of a
 * unit under `path`, whose deadline fell in the window and has passed. A step done by its deadline
 * meets it; a step done late, or still not done, does not. Simulated steps are left out.
 */

export interface StepRecord {
  unitId: string;
  unitName: string;
  stepId: string;
  incidentId: string;
  kind: string;
  reportedAt: string;
  activatedAt: string | null;
  dueAt: string;
  doneAt: string | null;
  late: boolean;
}

export async function chainSteps(db: Executor, path: string, window: Window, now: string): Promise<StepRecord[]> {
  const until = window.to < now ? window.to : now;
  const rows = await db
    .selectFrom('incident_steps as s')
    .innerJoin('incidents as i', 'i.id', 's.incident_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .select([
      'i.unit_id',
      'u.name as unit_name',
      's.id',
      's.incident_id',
      's.kind',
      'i.reported_at',
      's.activated_at',
      's.due_at',
      's.done_at',
      's.late',
    ])
    .where((eb) => subtree(eb, 'u.path', path))
    .where('i.drill', '=', 0)
    .where('s.simulated', '=', 0)
    .where('s.due_at', '>=', window.from)
    .where('s.due_at', '<', until)
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    stepId: r.id,
    incidentId: r.incident_id,
    kind: r.kind,
    reportedAt: r.reported_at,
    activatedAt: r.activated_at,
    dueAt: r.due_at,
    doneAt: r.done_at,
    late: r.late === 1 || r.done_at === null || r.done_at > r.due_at,
  }));
}

export async function chainStepFacts(db: Executor, path: string, window: Window, now: string): Promise<RecordFact[]> {
  return (await chainSteps(db, path, window, now)).map((s) => ({
    unitId: s.unitId,
    kind: 'incident_step',
    id: s.stepId,
    at: s.dueAt,
    ok: !s.late,
    label: s.kind,
    link: `/incidents/${s.incidentId}`,
  }));
}

/** A chain step waiting for one person: to acknowledge (notify) or to file the report (report). */
export interface StepWaiting {
  stepId: string;
  incidentId: string;
  kind: string;
  incidentType: string;
  severity: number;
  drill: boolean;
  unitId: string;
  unitName: string;
  dueAt: string;
}

/**
 * Active steps addressed to this person as the role's holder or deputy (the people who may complete
 * them, as `actsOnStep` says); a parent unit told of a late report only watches, so it is left out.
 */
export async function stepsWaitingFor(db: Executor, personId: string): Promise<StepWaiting[]> {
  const rows = await db
    .selectFrom('incident_recipients as r')
    .innerJoin('incident_steps as s', 's.id', 'r.step_id')
    .innerJoin('incidents as i', 'i.id', 's.incident_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .select([
      's.id',
      's.incident_id',
      's.kind',
      'i.type',
      'i.severity',
      'i.drill',
      'i.unit_id',
      'u.name as unit_name',
      's.due_at',
    ])
    .where('r.person_id', '=', personId)
    .where('r.reason', 'in', ['holder', 'deputy'])
    .where('s.state', '=', 'active')
    .where('s.simulated', '=', 0)
    .where('i.status', '!=', 'closed')
    .distinct()
    .execute();
  return rows.map((r) => ({
    stepId: r.id,
    incidentId: r.incident_id,
    kind: r.kind,
    incidentType: r.type,
    severity: r.severity,
    drill: r.drill === 1,
    unitId: r.unit_id,
    unitName: r.unit_name,
    dueAt: r.due_at,
  }));
}

/** Active real steps past their deadline, of incidents of units under any of `paths`. */
export async function lateStepsUnder(db: Executor, paths: string[], now: string): Promise<StepWaiting[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .selectFrom('incident_steps as s')
    .innerJoin('incidents as i', 'i.id', 's.incident_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .select([
      's.id',
      's.incident_id',
      's.kind',
      'i.type',
      'i.severity',
      'i.drill',
      'i.unit_id',
      'u.name as unit_name',
      's.due_at',
    ])
    .where((eb) => inSubtrees(eb, 'u.path', paths))
    .where('s.state', '=', 'active')
    .where('s.simulated', '=', 0)
    .where('i.drill', '=', 0)
    .where('s.due_at', '<', now)
    .execute();
  return rows.map((r) => ({
    stepId: r.id,
    incidentId: r.incident_id,
    kind: r.kind,
    incidentType: r.type,
    severity: r.severity,
    drill: r.drill === 1,
    unitId: r.unit_id,
    unitName: r.unit_name,
    dueAt: r.due_at,
  }));
}

/** What the roll call needs of the incident it belongs to. */
export interface IncidentForRollCall {
  unitId: string;
  drill: boolean;
  closed: boolean;
  /**
   * The incident's handlers, to be alerted at once when someone is missing: whoever acknowledged or
   * completed its chain's steps at its own unit; before anyone has, the people those steps were
   * addressed to (holders, acting heads, deputies).
   */
  handlerIds: string[];
}

export async function forRollCall(db: Executor, incidentId: string): Promise<IncidentForRollCall | undefined> {
  const incident = await db
    .selectFrom('incidents')
    .select(['unit_id', 'drill', 'status'])
    .where('id', '=', incidentId)
    .executeTakeFirst();
  if (!incident) return undefined;
  const steps = await db
    .selectFrom('incident_steps')
    .select(['id', 'done_by_person_id'])
    .where('incident_id', '=', incidentId)
    .where('target_unit_id', '=', incident.unit_id)
    .orderBy('position')
    .execute();
  let handlerIds = [...new Set(steps.flatMap((s) => (s.done_by_person_id ? [s.done_by_person_id] : [])))];
  if (handlerIds.length === 0 && steps.length > 0) {
    const addressed = await db
      .selectFrom('incident_recipients')
      .select('person_id')
      .where(
        'step_id',
        'in',
        steps.map((s) => s.id),
      )
      .where('reason', 'in', ['holder', 'acting', 'deputy'])
      .execute();
    handlerIds = [...new Set(addressed.map((r) => r.person_id))];
  }
  return { unitId: incident.unit_id, drill: incident.drill === 1, closed: incident.status === 'closed', handlerIds };
}
