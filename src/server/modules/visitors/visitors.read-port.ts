import type { Executor } from '../../db/database.js';
import type { RecordFact, Window } from '../../lib/record-facts.js';

/**
 * The visitors module's read port: visits to units under `path` that began in the window, and
 * whether the visitor was signed out. No visitor's name leaves the module: the label is the time.
 */
export async function visitFacts(db: Executor, path: string, window: Window): Promise<RecordFact[]> {
  const rows = await db
    .selectFrom('visitors as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select(['v.unit_id', 'v.id', 'v.checked_in_at', 'v.checked_out_at'])
    .where('u.path', 'like', `${path}%`)
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
