import type { Executor } from '../../db/database.js';
import type { RecordFact, Window } from '../../lib/record-facts.js';

/**
 * The directives module's read port: each unit under `path` that was sent a directive whose
 * sign-for deadline fell in the window and has passed; signed by the deadline meets it.
 */
export async function signOffFacts(db: Executor, path: string, window: Window, now: string): Promise<RecordFact[]> {
  const until = window.to < now ? window.to : now;
  const rows = await db
    .selectFrom('directive_targets as t')
    .innerJoin('directives as d', 'd.id', 't.directive_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.unit_id', 't.id', 'd.id as directive_id', 'd.title', 'd.sign_due_at', 't.signed_at', 't.sign_late'])
    .where('u.path', 'like', `${path}%`)
    .where('d.sign_due_at', '>=', window.from)
    .where('d.sign_due_at', '<', until)
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    kind: 'directive',
    id: r.id,
    at: r.sign_due_at,
    label: r.title,
    link: `/directives/${r.directive_id}`,
    ok: r.signed_at !== null && r.sign_late === 0 && r.signed_at <= r.sign_due_at,
  }));
}
