import type { Role } from '../../../common/org.js';
import { LATE_LISTED_MAX, type LateItem } from '../../../common/schemas/todo.js';
import type { Executor } from '../../db/database.js';
import type { AccountActor } from '../auth/actor.js';
import { overdueToday } from '../daily-reports/daily-reports.read-port.js';
import { lateSignOffsUnder } from '../directives/directives.read-port.js';
import { lateStepsUnder } from '../incidents/incidents.read-port.js';
import { overdueTasksUnder } from '../inspections/rectification.read-port.js';
import { childrenOf } from '../units/units.read-port.js';

/*
 * What is late below a supervisor: chain steps past their deadline, today's reports past theirs,
 * directives not signed for in time, rectification tasks overdue — in the units under theirs, not
 * their own (their own unit's work is in their own list, for whoever it waits for).
 */

/** The roles that look after the units below their own. */
const WATCH_ROLES: readonly Role[] = ['accountable_head', 'safety_officer', 'supervisor', 'admin'];

export async function lateBelow(
  db: Executor,
  actor: AccountActor,
  now: Date,
): Promise<{ total: number; items: LateItem[] } | null> {
  const watched = actor.scopes.filter((s) => s.roles.some((r) => WATCH_ROLES.includes(r)));
  const withChildren = (
    await Promise.all(watched.map(async (s) => ((await childrenOf(db, s.unitId)).length > 0 ? s : null)))
  ).filter((s) => s !== null);
  if (withChildren.length === 0) return null;
  const paths = withChildren.map((s) => s.path);
  const own = new Set(actor.scopes.map((s) => s.unitId));
  const at = now.toISOString();
  const [steps, reports, signOffs, tasks] = await Promise.all([
    lateStepsUnder(db, paths, at),
    overdueToday(db, paths, now),
    lateSignOffsUnder(db, paths, at),
    overdueTasksUnder(db, paths, at),
  ]);
  const all: LateItem[] = [
    ...steps.map((s) => ({
      id: `step:${s.stepId}`,
      kind: 'incident_step' as const,
      params: { type: s.incidentType, severity: String(s.severity), step: s.kind },
      unitId: s.unitId,
      unitName: s.unitName,
      dueAt: s.dueAt,
      route: `/incidents/${s.incidentId}`,
    })),
    ...reports.map((r) => ({
      id: `daily:${r.unitId}:${r.day}`,
      kind: 'daily_report' as const,
      params: { day: r.day },
      unitId: r.unitId,
      unitName: r.unitName,
      dueAt: null,
      route: `/daily-reports/matrix`,
    })),
    ...signOffs.map((d) => ({
      id: `directive:${d.directiveId}:${d.unitId}`,
      kind: 'directive_sign' as const,
      params: { title: d.title },
      unitId: d.unitId,
      unitName: d.unitName,
      dueAt: d.dueAt,
      route: `/directives/${d.directiveId}`,
    })),
    ...tasks.map((t) => ({
      id: `task:${t.id}`,
      kind: 'task' as const,
      params: { title: t.title, risk: t.risk },
      unitId: t.unitId,
      unitName: t.unitName,
      dueAt: t.dueAt,
      route: `/inspections/tasks/${t.id}`,
    })),
  ].filter((i) => !own.has(i.unitId));
  all.sort(byDue);
  return { total: all.length, items: all.slice(0, LATE_LISTED_MAX) };
}

/** Earliest deadline first; items without one last, then by id so the order is stable. */
export function byDue(a: { dueAt: string | null; id: string }, b: { dueAt: string | null; id: string }): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
