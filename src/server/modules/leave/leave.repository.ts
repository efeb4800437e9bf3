import type { Executor } from '../../db/database.js';
import { precompiled } from '../../db/precompiled.js';
import type { LeaveRequestRow } from './leave.table.js';
import type { Role } from '../../../common/org.js';
import type { LeaveState } from '../../../common/schemas/leave.js';
import { inSubtrees } from '../../db/subtree.js';

export type { LeaveRequestRow };
export type LeaveWithUnit = LeaveRequestRow & { unit_name: string; unit_path: string; unit_parent_id: string | null };

/** Leave that puts the deputy in the head's place: approved, or recorded where no approval was needed. */
export const EFFECTIVE: LeaveState[] = ['approved', 'recorded'];
const ACTIVE: LeaveState[] = ['requested', 'approved', 'recorded'];

const withUnit = (db: Executor) =>
  db
    .selectFrom('leave_requests')
    .innerJoin('units', 'units.id', 'leave_requests.unit_id')
    .selectAll('leave_requests')
    .select(['units.name as unit_name', 'units.path as unit_path', 'units.parent_id as unit_parent_id']);

export const find = (db: Executor, id: string): Promise<LeaveWithUnit | undefined> =>
  withUnit(db).where('leave_requests.id', '=', id).executeTakeFirst();

export async function insert(db: Executor, row: LeaveRequestRow): Promise<void> {
  await db.insertInto('leave_requests').values(row).execute();
}

export async function update(db: Executor, id: string, changes: Partial<LeaveRequestRow>): Promise<void> {
  await db.updateTable('leave_requests').set(changes).where('id', '=', id).execute();
}

/** The head's own leave, still standing, that overlaps [from, to). */
export const overlapping = (db: Executor, headId: string, unitId: string, from: string, to: string) =>
  db
    .selectFrom('leave_requests')
    .select('id')
    .where('head_person_id', '=', headId)
    .where('unit_id', '=', unitId)
    .where('state', 'in', ACTIVE)
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .execute();

/** Leave in the subtrees (path prefixes; null: everywhere), newest first. */
export async function list(
  db: Executor,
  within: string[] | null,
  filter: { state?: LeaveState; endingAfter?: string; coveringAt?: string },
  limit: number,
): Promise<LeaveWithUnit[]> {
  if (within && within.length === 0) return [];
  let q = withUnit(db);
  if (within) q = q.where((eb) => inSubtrees(eb, 'units.path', within));
  if (filter.state) q = q.where('leave_requests.state', '=', filter.state);
  if (filter.coveringAt)
    q = q
      .where('leave_requests.state', 'in', EFFECTIVE)
      .where('leave_requests.starts_at', '<=', filter.coveringAt)
      .where('leave_requests.ends_at', '>', filter.coveringAt);
  return q.orderBy('leave_requests.starts_at', 'desc').limit(limit).execute();
}

/** Effective leave of these units overlapping [from, to). */
export async function effectiveIn(
  db: Executor,
  unitIds: string[],
  from: string,
  to: string,
): Promise<LeaveRequestRow[]> {
  if (unitIds.length === 0) return [];
  if (unitIds.length === 1) return effectiveInOne.execute(db, { unitId: unitIds[0]!, from, to });
  return db
    .selectFrom('leave_requests')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('state', 'in', EFFECTIVE)
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .orderBy('created_at')
    .execute();
}

// Compiled once: each head an incident's chain tells is checked for a deputy standing in.
const effectiveInOne = precompiled(
  { unitId: true, from: true, to: true },
  (db, p: { unitId: string; from: string; to: string }) =>
    db
      .selectFrom('leave_requests')
      .selectAll()
      .where('unit_id', '=', p.unitId)
      .where('state', 'in', EFFECTIVE)
      .where('starts_at', '<', p.to)
      .where('ends_at', '>', p.from)
      .orderBy('created_at'),
);

/** Whether the person is registered in the unit or holds a role there. */
export async function isOfUnit(db: Executor, personId: string, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('people.id')
    .where('people.id', '=', personId)
    .where((eb) =>
      eb.or([
        eb('people.home_unit_id', '=', unitId),
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select('m.id')
            .whereRef('m.person_id', '=', 'people.id')
            .where('m.unit_id', '=', unitId),
        ),
      ]),
    )
    .executeTakeFirst();
  return Boolean(row);
}

/** People holding any of these roles in the unit itself. */
export async function holdersOf(db: Executor, unitId: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('person_id')
    .distinct()
    .where('unit_id', '=', unitId)
    .where('role', 'in', [...roles])
    .execute();
  return rows.map((r) => r.person_id);
}

export async function people(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['id', 'name', 'phone']).where('id', 'in', ids).execute();
}
