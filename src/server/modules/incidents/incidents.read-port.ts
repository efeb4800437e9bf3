import type { Executor } from '../../db/database.js';
import type { RecordFact, Window } from '../../lib/record-facts.js';

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
    .where('u.path', 'like', `${path}%`)
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
