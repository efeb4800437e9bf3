import type { Executor } from '../../db/database.js';
import type { RectificationEventRow, RectificationTaskRow } from './inspections.table.js';
import type { Role } from '../../../common/org.js';
import type { TaskRisk, TaskState } from '../../../common/schemas/inspections.js';
import { inSubtrees } from '../../db/subtree.js';

export type { RectificationEventRow, RectificationTaskRow };

/** What the ledger and the task page filter on; bounds are UTC instants. */
export interface TaskFilter {
  /** Path prefixes (a subtree each), or exact unit ids. */
  within?: string[] | null;
  unitIds?: string[];
  state?: TaskState;
  risk?: TaskRisk;
  /** Compared with `now`: past the deadline and not closed. */
  overdue?: boolean;
  supervised?: boolean;
  from?: string;
  to?: string;
  sourceId?: string;
  now: string;
}

/** A task with the names people read: its unit, owner, verifier and supervising unit. */
function withNames(db: Executor) {
  return db
    .selectFrom('rectification_tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .innerJoin('people as o', 'o.id', 't.owner_person_id')
    .leftJoin('people as v', 'v.id', 't.verified_by_person_id')
    .leftJoin('units as su', 'su.id', 't.supervising_unit_id')
    .leftJoin('people as sp', 'sp.id', 't.supervised_by_person_id')
    .selectAll('t')
    .select([
      'u.name as unit_name',
      'u.path as unit_path',
      'u.locale as unit_locale',
      'u.time_zone as unit_time_zone',
      'u.parent_id as unit_parent_id',
      'o.name as owner_name',
      'v.name as verifier_name',
      'su.name as supervising_unit_name',
      'su.path as supervising_unit_path',
      'sp.name as supervisor_name',
    ]);
}
export type TaskWithNames = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export const findTask = (db: Executor, id: string) => withNames(db).where('t.id', '=', id).executeTakeFirst();

function filtered(db: Executor, f: TaskFilter) {
  return withNames(db)
    .$if(Boolean(f.within), (q) => q.where((eb) => inSubtrees(eb, 'u.path', f.within!)))
    .$if(Boolean(f.unitIds), (q) => q.where('t.unit_id', 'in', f.unitIds!))
    .$if(f.state !== undefined, (q) => q.where('t.state', '=', f.state!))
    .$if(f.risk !== undefined, (q) => q.where('t.risk', '=', f.risk!))
    .$if(f.overdue === true, (q) => q.where('t.state', '!=', 'closed').where('t.due_at', '<=', f.now))
    .$if(f.overdue === false, (q) => q.where((eb) => eb.or([eb('t.state', '=', 'closed'), eb('t.due_at', '>', f.now)])))
    .$if(f.supervised === true, (q) => q.where('t.supervising_unit_id', 'is not', null))
    .$if(f.supervised === false, (q) => q.where('t.supervising_unit_id', 'is', null))
    .$if(f.from !== undefined, (q) => q.where('t.created_at', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('t.created_at', '<', f.to!))
    .$if(f.sourceId !== undefined, (q) => q.where('t.source_id', '=', f.sourceId!));
}

/** The ledger, newest finding first; without `page` every matching row (for the export). */
export async function ledger(db: Executor, f: TaskFilter, page?: { offset: number; limit: number }) {
  const ordered = filtered(db, f).orderBy('t.created_at', 'desc').orderBy('t.id', 'desc');
  if (!page) return { rows: await ordered.execute(), total: -1 };
  const [rows, count] = await Promise.all([
    ordered.offset(page.offset).limit(page.limit).execute(),
    filtered(db, f)
      .clearSelect()
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertTask(db: Executor, row: RectificationTaskRow): Promise<void> {
  await db.insertInto('rectification_tasks').values(row).execute();
}

export async function updateTask(db: Executor, id: string, changes: Partial<RectificationTaskRow>): Promise<void> {
  await db.updateTable('rectification_tasks').set(changes).where('id', '=', id).execute();
}

export async function insertEvent(db: Executor, row: RectificationEventRow): Promise<void> {
  await db.insertInto('rectification_events').values(row).execute();
}

export const eventsOf = (db: Executor, taskId: string) =>
  db
    .selectFrom('rectification_events')
    .leftJoin('people', 'people.id', 'rectification_events.person_id')
    .selectAll('rectification_events')
    .select('people.name as person_name')
    .where('task_id', '=', taskId)
    .orderBy('at')
    .orderBy('rectification_events.id')
    .execute();

/** The people holding any of the roles in a unit. */
export async function holders(db: Executor, unitId: string, roles: Role[]): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('unit_id', '=', unitId)
    .where('role', 'in', roles)
    .execute();
  return rows.map((r) => r.person_id);
}
