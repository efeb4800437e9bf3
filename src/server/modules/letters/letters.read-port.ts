import type { Executor } from '../../db/database.js';
import type { RecordFact, Window } from '../../lib/record-facts.js';
import { subtree } from '../../db/subtree.js';

/**
 * The letters module's read port: each letter to a unit under `path` whose sign-off deadline fell
 * in the window and has passed (superseded versions left out); signed by both sides in time meets it.
 */
export async function letterFacts(db: Executor, path: string, window: Window, now: string): Promise<RecordFact[]> {
  const until = window.to < now ? window.to : now;
  const rows = await db
    .selectFrom('responsibility_letters as l')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .select(['l.unit_id', 'l.id', 'l.title', 'l.sign_due_at', 'l.issuer_signed_at', 'l.recipient_signed_at'])
    .where((eb) => subtree(eb, 'u.path', path))
    .where('l.status', '!=', 'superseded')
    .where('l.sign_due_at', '>=', window.from)
    .where('l.sign_due_at', '<', until)
    .execute();
  return rows.map((r) => {
    const both =
      r.issuer_signed_at && r.recipient_signed_at
        ? r.issuer_signed_at > r.recipient_signed_at
          ? r.issuer_signed_at
          : r.recipient_signed_at
        : null;
    return {
      unitId: r.unit_id,
      kind: 'letter',
      id: r.id,
      at: r.sign_due_at,
      ok: both !== null && both <= r.sign_due_at,
      label: r.title,
      link: `/letters/${r.id}`,
    };
  });
}
