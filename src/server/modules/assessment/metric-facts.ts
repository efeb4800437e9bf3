import type { Metric } from '../../../common/schemas/assessment.js';
import type { Executor } from '../../db/database.js';
import type { RecordFact, Window } from '../../lib/record-facts.js';
import { drillWindows } from '../compliance/drill-windows.js';
import { drillRuleFor } from '../compliance/rules-data.js';
import { dailyReportFacts } from '../daily-reports/daily-reports.read-port.js';
import { signOffFacts } from '../directives/directives.read-port.js';
import { doneDrills } from '../drills/drills.read-port.js';
import { chainStepFacts } from '../incidents/incidents.read-port.js';
import { tasksDueIn } from '../inspections/rectification.read-port.js';
import { letterFacts } from '../letters/letters.read-port.js';
import { patrolFacts } from '../patrols/patrols.read-port.js';
import { visitFacts } from '../visitors/visitors.read-port.js';

/** What a sheet's figures are counted over. */
export interface Scope {
  /** The supervising unit's path: every unit below it (and itself) is read in one query. */
  path: string;
  window: Window;
  /** Local dates for day-based records: the first day and the last day already over. */
  fromDay: string;
  lastDay: string;
  now: Date;
  units: Map<string, { type: string; timeZone: string }>;
}

/** Drill types whose evacuation time is held against the target. */
const EVACUATION_TYPES = new Set(['fire_evacuation', 'earthquake']);

async function drillsHeld(db: Executor, s: Scope): Promise<RecordFact[]> {
  const drills = await doneDrills(db, s.path, s.window);
  const facts: RecordFact[] = [];
  for (const [unitId, unit] of s.units) {
    const windows = drillWindows({
      unitType: unit.type,
      timeZone: unit.timeZone,
      from: new Date(s.window.from),
      to: new Date(s.window.to),
      now: s.now,
      drills: drills.filter((d) => d.unitId === unitId),
    });
    for (const w of windows ?? []) {
      facts.push({
        unitId,
        kind: 'drill_window',
        id: `${unitId}:${w.start}`,
        at: w.start,
        ok: w.held,
        label: `${w.start} – ${w.end}`,
        link: w.drillIds[0] ? `/drills?drill=${w.drillIds[0]}` : '/drills',
      });
    }
  }
  return facts;
}

async function drillsEvacuation(db: Executor, s: Scope): Promise<RecordFact[]> {
  const drills = (await doneDrills(db, s.path, s.window)).filter(
    (d) => EVACUATION_TYPES.has(d.type) && d.evacuationSeconds !== null,
  );
  return drills.flatMap((d) => {
    const rule = drillRuleFor(s.units.get(d.unitId)?.type ?? '');
    if (!rule) return [];
    return [
      {
        unitId: d.unitId,
        kind: 'drill',
        id: d.id,
        at: d.endedAt,
        ok: d.evacuationSeconds! <= rule.evacuationTargetSeconds,
        label: `${d.title} · ${d.evacuationSeconds} s`,
        link: `/drills?drill=${d.id}`,
      },
    ];
  });
}

async function hazards(db: Executor, s: Scope, supervisedOnly: boolean): Promise<RecordFact[]> {
  const now = s.now.toISOString();
  const tasks = (await tasksDueIn(db, s.path, s.window)).filter(
    (t) => t.dueAt < now && (!supervisedOnly || t.supervised),
  );
  return tasks.map((t) => ({
    unitId: t.unitId,
    kind: 'rectification_task',
    id: t.id,
    at: t.dueAt,
    label: t.title,
    link: `/inspections/tasks/${t.id}`,
    // A supervised item counts once it is closed (by the supervising unit) by the period's end; any other hazard once
    // fixed by its deadline.
    ok: supervisedOnly ? t.closedAt !== null && t.closedAt < s.window.to : t.fixedAt !== null && t.fixedAt <= t.dueAt,
  }));
}

/** Every record a metric counts, for all units under the scope's path. */
export async function metricFacts(db: Executor, metric: Metric, s: Scope): Promise<RecordFact[]> {
  const now = s.now.toISOString();
  switch (metric) {
    case 'daily_reports_on_time':
      return dailyReportFacts(db, s.path, s.fromDay, s.lastDay);
    case 'incident_steps_on_time':
      return chainStepFacts(db, s.path, s.window, now);
    case 'drills_held':
      return drillsHeld(db, s);
    case 'drills_evacuation':
      return drillsEvacuation(db, s);
    case 'hazards_fixed_on_time':
      return hazards(db, s, false);
    case 'supervised_closed':
      return hazards(db, s, true);
    case 'directives_signed_on_time':
      return signOffFacts(db, s.path, s.window, now);
    case 'patrols_done':
      return patrolFacts(db, s.path, s.window);
    case 'visitors_signed_out':
      return visitFacts(db, s.path, s.window);
    case 'letters_signed':
      return letterFacts(db, s.path, s.window, now);
  }
}
