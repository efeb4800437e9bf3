import type { UnitType } from '../../../common/org.js';
import type { Executor } from '../../db/database.js';
import type { PlanRow, PlanVersionRow } from './plans.table.js';
import { inSubtrees } from '../../db/subtree.js';

export type PlanWithUnit = PlanRow & {
  unit_name: string;
  unit_path: string;
  unit_type: UnitType;
  unit_time_zone: string;
  unit_parent_id: string | null;
};

const withUnit = (db: Executor) =>
  db
    .selectFrom('plans')
    .innerJoin('units', 'units.id', 'plans.unit_id')
    .selectAll('plans')
    .select([
      'units.name as unit_name',
      'units.path as unit_path',
      'units.type as unit_type',
      'units.time_zone as unit_time_zone',
      'units.parent_id as unit_parent_id',
    ]);

export async function findPlan(db: Executor, id: string): Promise<PlanWithUnit | undefined> {
  return withUnit(db).where('plans.id', '=', id).executeTakeFirst();
}

export async function listPlans(
  db: Executor,
  within: string[] | null,
  unitId: string | undefined,
  offset: number,
  limit: number,
) {
  if (within?.length === 0) return { rows: [], total: 0 };
  const base = withUnit(db)
    .$if(within !== null, (q) => q.where((eb) => inSubtrees(eb, 'units.path', within!)))
    .$if(unitId !== undefined, (q) => q.where('plans.unit_id', '=', unitId!));
  const [rows, count] = await Promise.all([
    base.orderBy('units.path').orderBy('plans.created_at').offset(offset).limit(limit).execute(),
    base
      .clearSelect()
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertPlan(db: Executor, row: PlanRow): Promise<void> {
  await db.insertInto('plans').values(row).execute();
}

/**
 * Serialises publishing within one unit: an UPDATE that changes nothing still takes the unit row's
 * lock on PostgreSQL (and SQLite's write lock), held until commit; later statements then read what
 * another publisher committed meanwhile. Units elsewhere in the tree do not wait.
 */
export async function lockUnitForPublishing(db: Executor, unitId: string): Promise<void> {
  await db
    .updateTable('units')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', unitId)
    .execute();
}

export async function touchPlan(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('plans').set({ updated_at: now }).where('id', '=', id).execute();
}

export async function versionsOf(db: Executor, planIds: string[]): Promise<PlanVersionRow[]> {
  if (planIds.length === 0) return [];
  return db.selectFrom('plan_versions').selectAll().where('plan_id', 'in', planIds).orderBy('version').execute();
}

export async function findVersion(db: Executor, planId: string, version: number): Promise<PlanVersionRow | undefined> {
  return db
    .selectFrom('plan_versions')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertVersion(db: Executor, row: PlanVersionRow): Promise<void> {
  await db.insertInto('plan_versions').values(row).execute();
}

export async function updateVersion(db: Executor, id: string, changes: Partial<PlanVersionRow>): Promise<void> {
  await db.updateTable('plan_versions').set(changes).where('id', '=', id).execute();
}

export async function supersedePublished(db: Executor, planId: string, now: string): Promise<void> {
  await db
    .updateTable('plan_versions')
    .set({ status: 'superseded', updated_at: now })
    .where('plan_id', '=', planId)
    .where('status', '=', 'published')
    .execute();
}

/** The published versions of the unit's other standing plans (one at most, unless data predates the rule). */
export async function otherPublishedStanding(db: Executor, unitId: string, exceptPlanId: string) {
  return db
    .selectFrom('plan_versions')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .select(['plan_versions.plan_id', 'plan_versions.version'])
    .where('plans.unit_id', '=', unitId)
    .where('plans.kind', '=', 'standing')
    .where('plans.id', '!=', exceptPlanId)
    .where('plan_versions.status', '=', 'published')
    .execute();
}

/** Published plans of these units: the candidates for "in force" at some moment. */
/**
 * The published versions of the units' plans. The plans are picked by a subquery on their unit, so
 * that SQLite looks each one's versions up by (status, plan id); written as a plain join it walks
 * every published version of the county (20 times slower at 2,000 plans), at every rules read.
 */
export async function publishedFor(db: Executor, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('plan_versions')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .selectAll('plan_versions')
    .select(['plans.unit_id', 'plans.kind'])
    .where('plan_versions.plan_id', 'in', (eb) =>
      eb.selectFrom('plans').select('plans.id').where('plans.unit_id', 'in', unitIds),
    )
    .where('plan_versions.status', '=', 'published')
    .execute();
}

export async function peopleByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['id', 'name', 'phone', 'home_unit_id']).where('id', 'in', ids).execute();
}
