import type { Executor } from '../../db/database.js';
import type { RecordFact, Window } from '../../lib/record-facts.js';
import { inSubtrees, subtree } from '../../db/subtree.js';

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
    .where((eb) => subtree(eb, 'u.path', path))
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

/** A directive a unit still owes: its sign-off, or (signed) a reply that was asked for. */
export interface DirectiveOwed {
  directiveId: string;
  title: string;
  unitId: string;
  unitName: string;
  /** sign or reply. */
  owes: 'sign' | 'reply';
  dueAt: string | null;
}

/** What the units named still owe: unsigned directives, and signed ones whose reply is asked for and not given. */
export async function owedBy(db: Executor, unitIds: string[]): Promise<DirectiveOwed[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('directive_targets as t')
    .innerJoin('directives as d', 'd.id', 't.directive_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['d.id', 'd.title', 'd.sign_due_at', 'd.reply_due_at', 't.unit_id', 'u.name as unit_name', 't.signed_at'])
    .where('t.unit_id', 'in', unitIds)
    .where((eb) =>
      eb.or([
        eb('t.signed_at', 'is', null),
        eb.and([eb('d.reply_due_at', 'is not', null), eb('t.replied_at', 'is', null)]),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    directiveId: r.id,
    title: r.title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    owes: r.signed_at === null ? 'sign' : 'reply',
    dueAt: r.signed_at === null ? r.sign_due_at : r.reply_due_at,
  }));
}

/** Sign-offs past their deadline and still not given, by units under any of `paths`. */
export async function lateSignOffsUnder(db: Executor, paths: string[], now: string): Promise<DirectiveOwed[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .selectFrom('directive_targets as t')
    .innerJoin('directives as d', 'd.id', 't.directive_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['d.id', 'd.title', 'd.sign_due_at', 't.unit_id', 'u.name as unit_name'])
    .where((eb) => inSubtrees(eb, 'u.path', paths))
    .where('t.signed_at', 'is', null)
    .where('d.sign_due_at', '<', now)
    .execute();
  return rows.map((r) => ({
    directiveId: r.id,
    title: r.title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    owes: 'sign' as const,
    dueAt: r.sign_due_at,
  }));
}
