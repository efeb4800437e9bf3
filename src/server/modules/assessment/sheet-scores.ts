import { DateTime } from 'luxon';
import type { Metric, UnitScore } from '../../../common/schemas/assessment.js';
import { periodBounds } from '../../../common/time.js';
import type { Executor } from '../../db/database.js';
import type { RecordFact } from '../../lib/record-facts.js';
import type { UnitBrief } from '../units/units.read-port.js';
import * as repo from './assessment.repository.js';
import type { AssessmentItemRow } from './assessment.table.js';
import { metricFacts, type Scope } from './metric-facts.js';
import { scoreUnits } from './scoring.js';

/**
 * The period a sheet counts over. Instants are read in the supervising unit's zone (units of one
 * subtree share a zone in practice); daily reports and drill windows use each unit's own days.
 * Day-based records count only days already over, so today never shows as missing.
 */
export function scopeOf(sheet: repo.SheetWithUnit, path: string, units: UnitBrief[], now: Date): Scope {
  const { startsAt, endsAt } = periodBounds(sheet.period_start, sheet.period_end, sheet.unit_time_zone);
  const yesterday = DateTime.fromJSDate(now, { zone: sheet.unit_time_zone }).minus({ days: 1 }).toISODate()!;
  return {
    path,
    window: { from: startsAt.toISOString(), to: endsAt!.toISOString() },
    fromDay: sheet.period_start,
    lastDay: sheet.period_end < yesterday ? sheet.period_end : yesterday,
    now,
    units: new Map(units.map((u) => [u.id, { type: u.type, timeZone: u.timeZone }])),
  };
}

/** Records per computed item; items of the same metric share one read. */
export async function factsByItem(
  db: Executor,
  items: AssessmentItemRow[],
  scope: Scope,
): Promise<Map<string, RecordFact[]>> {
  const byMetric = new Map<string, RecordFact[]>();
  const out = new Map<string, RecordFact[]>();
  for (const item of items) {
    if (item.kind !== 'computed' || !item.metric) continue;
    if (!byMetric.has(item.metric))
      byMetric.set(
        item.metric,
        (await metricFacts(db, item.metric as Metric, scope)).filter((f) => scope.units.has(f.unitId)),
      );
    out.set(item.id, byMetric.get(item.metric)!);
  }
  return out;
}

/** Every unit's score on the sheet; `units` are the units scored, `path` the subtree read. */
export async function scoreSheet(
  db: Executor,
  sheet: repo.SheetWithUnit,
  items: AssessmentItemRow[],
  units: UnitBrief[],
  path: string,
  now: Date,
): Promise<UnitScore[]> {
  const scope = scopeOf(sheet, path, units, now);
  const ids = items.map((i) => i.id);
  const only = units.length === 1 ? units[0]!.id : undefined;
  const [facts, handScores, answers] = await Promise.all([
    factsByItem(db, items, scope),
    repo.handScores(db, ids, only),
    repo.answers(db, ids, only),
  ]);
  return scoreUnits({ units, items, facts, handScores, answers });
}
