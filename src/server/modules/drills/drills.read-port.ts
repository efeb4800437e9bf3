import type { Executor } from '../../db/database.js';
import type { Window } from '../../lib/record-facts.js';
import { subtree } from '../../db/subtree.js';

/** The drills module's read port: drills done by units under `path`, ended within the window. */
export interface DoneDrill {
  unitId: string;
  id: string;
  type: string;
  title: string;
  endedAt: string;
  evacuationSeconds: number | null;
}

export async function doneDrills(db: Executor, path: string, window: Window): Promise<DoneDrill[]> {
  const rows = await db
    .selectFrom('drills as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.unit_id', 'd.id', 'd.type', 'd.title', 'd.ended_at', 'd.evacuation_seconds'])
    .where((eb) => subtree(eb, 'u.path', path))
    .where('d.status', '=', 'done')
    .where('d.ended_at', '>=', window.from)
    .where('d.ended_at', '<', window.to)
    .orderBy('d.ended_at')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    id: r.id,
    type: r.type,
    title: r.title,
    endedAt: r.ended_at!,
    evacuationSeconds: r.evacuation_seconds,
  }));
}

/** A planned drill not yet recorded. */
export interface PlannedDrill {
  drillId: string;
  unitId: string;
  unitName: string;
  timeZone: string;
  title: string;
  type: string;
  plannedDate: string;
}

/** Planned drills of the units named, planned on or before `lastDay` (a local date). */
export async function plannedDrills(db: Executor, unitIds: string[], lastDay: string): Promise<PlannedDrill[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('drills as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.unit_id', 'u.name', 'u.time_zone', 'd.title', 'd.type', 'd.planned_date'])
    .where('d.unit_id', 'in', unitIds)
    .where('d.status', '=', 'planned')
    .where('d.planned_date', 'is not', null)
    .where('d.planned_date', '<=', lastDay)
    .execute();
  return rows.map((r) => ({
    drillId: r.id,
    unitId: r.unit_id,
    unitName: r.name,
    timeZone: r.time_zone,
    title: r.title,
    type: r.type,
    plannedDate: r.planned_date!,
  }));
}

/** What the roll call needs of the drill it times. */
export async function forRollCall(
  db: Executor,
  drillId: string,
): Promise<{ unitId: string; type: string; status: string } | undefined> {
  const row = await db
    .selectFrom('drills')
    .select(['unit_id', 'type', 'status'])
    .where('id', '=', drillId)
    .executeTakeFirst();
  return row && { unitId: row.unit_id, type: row.type, status: row.status };
}
