import type { Executor } from '../../db/database.js';
import type { RecordFact, Window } from '../../lib/record-facts.js';
import { subtree } from '../../db/subtree.js';

/**
 * The patrols module's read port: patrols of units under `path` due in the window that have an
 * outcome (done or missed); a patrol still open or cancelled by a plan change is not counted.
 */
export async function patrolFacts(db: Executor, path: string, window: Window): Promise<RecordFact[]> {
  const rows = await db
    .selectFrom('patrols as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.unit_id', 'p.id', 'p.kind', 'p.state', 'p.due_at', 'p.night_date'])
    .where((eb) => subtree(eb, 'u.path', path))
    .where('p.due_at', '>=', window.from)
    .where('p.due_at', '<', window.to)
    .where('p.state', 'in', ['done', 'missed'])
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    kind: 'patrol',
    id: r.id,
    at: r.due_at,
    ok: r.state === 'done',
    label: `${r.night_date} ${r.kind}`,
    link: '/patrols',
  }));
}
