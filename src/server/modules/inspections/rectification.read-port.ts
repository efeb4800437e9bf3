import type { Executor } from '../../db/database.js';
import type { Window } from '../../lib/record-facts.js';
import type { Actor } from '../auth/actor.js';
import { canVerify } from './rectification.policy.js';
import { inSubtrees, subtree } from '../../db/subtree.js';

/*
 * The inspections module's read port on rectification tasks (hazards): what assessment and the
 * bureau's analytics may know of them, for the units under `path`.
 */

export interface TaskRecord {
  unitId: string;
  id: string;
  title: string;
  risk: string;
  /** The checklist's name or `drill`: the category hazard statistics group by. */
  category: string;
  state: string;
  createdAt: string;
  dueAt: string;
  /** The owner reported it fixed, or it was closed, whichever came first. */
  fixedAt: string | null;
  closedAt: string | null;
  supervised: boolean;
  supervisedAt: string | null;
}

const COLUMNS = [
  't.unit_id',
  't.id',
  't.title',
  't.risk',
  't.source_kind',
  't.source_label',
  't.state',
  't.created_at',
  't.due_at',
  't.reported_fixed_at',
  't.closed_at',
  't.supervising_unit_id',
  't.supervised_at',
] as const;

function base(db: Executor, path: string) {
  return db
    .selectFrom('rectification_tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(COLUMNS)
    .where((eb) => subtree(eb, 'u.path', path));
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const toRecord = (r: Row): TaskRecord => ({
  unitId: r.unit_id,
  id: r.id,
  title: r.title,
  risk: r.risk,
  category: r.source_kind === 'drill' ? 'drill' : r.source_label,
  state: r.state,
  createdAt: r.created_at,
  dueAt: r.due_at,
  fixedAt: earliest(r.reported_fixed_at, r.closed_at),
  closedAt: r.closed_at,
  supervised: r.supervising_unit_id !== null,
  supervisedAt: r.supervised_at,
});

/** Tasks whose deadline fell in the window. */
export async function tasksDueIn(db: Executor, path: string, window: Window): Promise<TaskRecord[]> {
  return (await base(db, path).where('t.due_at', '>=', window.from).where('t.due_at', '<', window.to).execute()).map(
    toRecord,
  );
}

/** Tasks found before the window ended and not closed before it began: what a period's statistics count. */
export async function tasksAlive(db: Executor, path: string, window: Window): Promise<TaskRecord[]> {
  const rows = await base(db, path)
    .where('t.created_at', '<', window.to)
    .where((eb) => eb.or([eb('t.closed_at', 'is', null), eb('t.closed_at', '>=', window.from)]))
    .execute();
  return rows.map(toRecord);
}

/**
 * Open hazards (not closed) of units under `path`, counted by age in the database: `since` are the
 * creation times that start each older bucket (e.g. 7, 30 and 90 days ago, newest first); the answer
 * has one count per bucket (newest first), for all hazards and for supervised ones.
 */
export async function openTaskAges(
  db: Executor,
  path: string,
  since: string[],
): Promise<{ all: number[]; supervised: number[] }> {
  const buckets = since.length + 1;
  const rows = await db
    .selectFrom('rectification_tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select((eb) => {
      const inBucket = (i: number) => {
        const newer = i === 0 ? null : since[i - 1]!;
        const older = since[i] ?? null;
        return eb.and([
          ...(newer ? [eb('t.created_at', '<', newer)] : []),
          ...(older ? [eb('t.created_at', '>=', older)] : []),
        ]);
      };
      return [
        eb.case().when('t.supervising_unit_id', 'is', null).then(0).else(1).end().as('supervised'),
        ...Array.from({ length: buckets }, (_, i) =>
          eb.fn.sum<number>(eb.case().when(inBucket(i)).then(1).else(0).end()).as(`b${i}`),
        ),
      ];
    })
    .where((eb) => subtree(eb, 'u.path', path))
    .where('t.state', '!=', 'closed')
    .groupBy('supervised')
    .execute();
  const all = Array.from({ length: buckets }, () => 0);
  const supervised = [...all];
  for (const row of rows as Record<string, unknown>[]) {
    for (let i = 0; i < buckets; i++) {
      const n = Number(row[`b${i}`] ?? 0);
      all[i]! += n;
      if (Number(row.supervised) === 1) supervised[i]! += n;
    }
  }
  return { all, supervised };
}

export interface HazardStatRow {
  category: string;
  risk: string;
  found: number;
  fixed: number;
  overdue: number;
}

/**
 * The period's hazard statistics by category and risk, counted in the database: found in the
 * window, closed in the window, and overdue (still open at the window's end past their deadline,
 * or closed after it within the window).
 */
export async function hazardStats(db: Executor, path: string, window: Window): Promise<HazardStatRow[]> {
  const rows = await db
    .selectFrom('rectification_tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select((eb) => [
      eb.case().when('t.source_kind', '=', 'drill').then('drill').else(eb.ref('t.source_label')).end().as('category'),
      't.risk',
      eb.fn.sum<number>(eb.case().when('t.created_at', '>=', window.from).then(1).else(0).end()).as('found'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('t.closed_at', '>=', window.from), eb('t.closed_at', '<', window.to)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('fixed'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('t.due_at', '<', window.to),
                eb.or([
                  eb('t.closed_at', 'is', null),
                  eb('t.closed_at', '>=', window.to),
                  eb.and([eb('t.closed_at', '>=', window.from), eb('t.closed_at', '>', eb.ref('t.due_at'))]),
                ]),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .where((eb) => subtree(eb, 'u.path', path))
    .where('t.created_at', '<', window.to)
    .where((eb) => eb.or([eb('t.closed_at', 'is', null), eb('t.closed_at', '>=', window.from)]))
    .groupBy(['category', 't.risk'])
    .execute();
  return rows.map((r) => ({
    category: r.category,
    risk: r.risk,
    found: Number(r.found),
    fixed: Number(r.fixed),
    overdue: Number(r.overdue),
  }));
}

/** A task waiting for someone: to fix (its owner) or to verify (a manager who may close it). */
export interface TaskWaiting {
  id: string;
  title: string;
  risk: string;
  unitId: string;
  unitName: string;
  dueAt: string;
  state: string;
}

function waitingBase(db: Executor) {
  return db
    .selectFrom('rectification_tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('units as su', 'su.id', 't.supervising_unit_id')
    .select([
      't.id',
      't.title',
      't.risk',
      't.unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      't.due_at',
      't.state',
      't.owner_person_id',
      't.supervising_unit_id',
      'su.path as supervising_unit_path',
      'su.name as supervising_unit_name',
    ]);
}
type WaitingRow = Awaited<ReturnType<ReturnType<typeof waitingBase>['execute']>>[number];
const toWaiting = (r: WaitingRow): TaskWaiting => ({
  id: r.id,
  title: r.title,
  risk: r.risk,
  unitId: r.unit_id,
  unitName: r.unit_name,
  dueAt: r.due_at,
  state: r.state,
});

/** Open or reopened tasks this person owns. */
export async function tasksToFix(db: Executor, personId: string): Promise<TaskWaiting[]> {
  return (
    await waitingBase(db)
      .where('t.owner_person_id', '=', personId)
      .where('t.state', 'in', ['open', 'reopened'])
      .execute()
  ).map(toWaiting);
}

/**
 * Tasks reported fixed that wait for this actor's verification (复查): those of the units where
 * they hold a role themselves (or that such a unit supervises) — a bureau's administrator may
 * verify anything below but is not waited for — and that the module's policy lets them verify:
 * never the owner; under supervision only the supervising unit's managers.
 */
export async function tasksToVerify(db: Executor, actor: Actor): Promise<TaskWaiting[]> {
  if (actor.kind !== 'account' || actor.scopes.length === 0) return [];
  const own = actor.scopes.map((s) => s.unitId);
  const rows = await waitingBase(db)
    .where('t.state', '=', 'awaiting_verification')
    .where((eb) => eb.or([eb('t.unit_id', 'in', own), eb('t.supervising_unit_id', 'in', own)]))
    .execute();
  return rows.filter((r) => own.includes(r.supervising_unit_id ?? r.unit_id) && canVerify(actor, r)).map(toWaiting);
}

/** Open tasks past their deadline in units under any of `paths`. */
export async function overdueTasksUnder(db: Executor, paths: string[], now: string): Promise<TaskWaiting[]> {
  if (paths.length === 0) return [];
  const rows = await waitingBase(db)
    .where((eb) => inSubtrees(eb, 'u.path', paths))
    .where('t.state', 'in', ['open', 'reopened'])
    .where('t.due_at', '<', now)
    .execute();
  return rows.map(toWaiting);
}
