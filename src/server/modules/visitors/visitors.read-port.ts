import type { Executor } from '../../db/database.js';
import type { RecordFact, Window } from '../../lib/record-facts.js';
import { DEFAULT_CLOSING_TIME } from './visitors.service.js';
import { subtree } from '../../db/subtree.js';

/**
 * The visitors module's read port: visits to units under `path` that began in the window, and
 * whether the visitor was signed out. No visitor's name leaves the module: the label is the time.
 */
export async function visitFacts(db: Executor, path: string, window: Window): Promise<RecordFact[]> {
  const rows = await db
    .selectFrom('visitors as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select(['v.unit_id', 'v.id', 'v.checked_in_at', 'v.checked_out_at'])
    .where((eb) => subtree(eb, 'u.path', path))
    .where('v.checked_in_at', '>=', window.from)
    .where('v.checked_in_at', '<', window.to)
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    kind: 'visit',
    id: r.id,
    at: r.checked_in_at,
    ok: r.checked_out_at !== null,
    label: r.checked_out_at ?? '',
    link: '/visitors',
  }));
}

/** Visitors signed in and not out, per unit, with the unit's closing time (local `HH:MM`). */
export interface StillInside {
  unitId: string;
  unitName: string;
  timeZone: string;
  count: number;
  closingTime: string;
}

export async function stillInside(db: Executor, unitIds: string[]): Promise<StillInside[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('visitors as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .leftJoin('visitor_settings as s', 's.unit_id', 'v.unit_id')
    .select((eb) => ['v.unit_id', 'u.name', 'u.time_zone', 's.closing_time', eb.fn.countAll<number | string>().as('n')])
    .where('v.unit_id', 'in', unitIds)
    .where('v.checked_out_at', 'is', null)
    .groupBy(['v.unit_id', 'u.name', 'u.time_zone', 's.closing_time'])
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.name,
    timeZone: r.time_zone,
    count: Number(r.n),
    closingTime: r.closing_time ?? DEFAULT_CLOSING_TIME,
  }));
}

/** Visitors of one unit signed in and not out at `at`, earliest first: the roll call lists them. */
export async function insideIds(db: Executor, unitId: string, at: string): Promise<string[]> {
  const rows = await db
    .selectFrom('visitors')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('checked_out_at', 'is', null)
    .where('checked_in_at', '<=', at)
    .orderBy('checked_in_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Visitors' names (and whom they came to see) by id, for the roll call's visitors list only: its
 * caller checks who may read them and logs the look, as the visitor list does. A purged visit is not there.
 */
export async function visitorLabels(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('visitors').select(['id', 'name', 'host_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.host_name ? `${r.name}（${r.host_name}）` : r.name]));
}
