import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Executor } from '../../db/database.js';
import { precompiled } from '../../db/precompiled.js';
import type { AccountRow } from '../auth/auth.table.js';
import type { Database } from '../../db/schema.js';
import type { MembershipRow, PersonRow } from './people.table.js';
import type { Role } from '../../../common/org.js';
import { inSubtrees } from '../../db/subtree.js';

export interface PersonFilter {
  /** Path prefixes the person must be registered or hold a role under; null: anywhere. */
  within: string[] | null;
  /** Exact unit instead of subtrees. */
  unitId?: string;
  text?: string;
}

type PeopleEb = ExpressionBuilder<Database, 'people'>;

function inUnits(eb: PeopleEb, filter: PersonFilter): Expression<SqlBool> {
  const unitMatch = (col: 'hu.id' | 'u.id', pathCol: 'hu.path' | 'u.path') => (e: ExpressionBuilder<any, any>) =>
    filter.unitId ? e(col, '=', filter.unitId) : inSubtrees(e, pathCol, filter.within ?? []);
  return eb.or([
    eb.exists(
      eb
        .selectFrom('units as hu')
        .select('hu.id')
        .whereRef('hu.id', '=', 'people.home_unit_id')
        .where(unitMatch('hu.id', 'hu.path')),
    ),
    eb.exists(
      eb
        .selectFrom('memberships as m')
        .innerJoin('units as u', 'u.id', 'm.unit_id')
        .select('m.id')
        .whereRef('m.person_id', '=', 'people.id')
        .where(unitMatch('u.id', 'u.path')),
    ),
  ]);
}

function where(filter: PersonFilter) {
  return (eb: PeopleEb) => {
    const parts: Expression<SqlBool>[] = [];
    if (filter.within !== null || filter.unitId) parts.push(inUnits(eb, filter));
    if (filter.text) {
      const like = `%${filter.text.replace(/[%_]/g, '')}%`;
      parts.push(
        eb.or([
          eb('people.name', 'like', like),
          eb('people.phone', 'like', like),
          eb.exists(
            eb
              .selectFrom('accounts as a')
              .select('a.id')
              .whereRef('a.person_id', '=', 'people.id')
              .where('a.username', 'like', like),
          ),
        ]),
      );
    }
    return eb.and(parts);
  };
}

export async function list(
  db: Executor,
  filter: PersonFilter,
  offset: number,
  limit: number,
): Promise<{ rows: PersonRow[]; total: number }> {
  if (filter.within?.length === 0 && !filter.unitId) return { rows: [], total: 0 };
  const [rows, count] = await Promise.all([
    db
      .selectFrom('people')
      .selectAll()
      .where(where(filter))
      .orderBy('name')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
    db
      .selectFrom('people')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where(where(filter))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findById(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export type RoleRow = MembershipRow & { unit_name: string; unit_path: string };

export async function rolesOf(db: Executor, personIds: string[]): Promise<RoleRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .innerJoin('units', 'units.id', 'memberships.unit_id')
    .selectAll('memberships')
    .select(['units.name as unit_name', 'units.path as unit_path'])
    .where('memberships.person_id', 'in', personIds)
    .orderBy('units.path')
    .orderBy('memberships.role')
    .execute();
}

export async function accountsOf(db: Executor, personIds: string[]): Promise<AccountRow[]> {
  if (personIds.length === 0) return [];
  return db.selectFrom('accounts').selectAll().where('person_id', 'in', personIds).execute();
}

export async function insertPerson(db: Executor, row: PersonRow): Promise<void> {
  await db.insertInto('people').values(row).execute();
}

export async function updatePerson(db: Executor, id: string, changes: Partial<PersonRow>): Promise<void> {
  await db.updateTable('people').set(changes).where('id', '=', id).execute();
}

export async function insertMembership(db: Executor, row: MembershipRow): Promise<void> {
  await db.insertInto('memberships').values(row).execute();
}

export async function findMembership(db: Executor, id: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function membershipExists(db: Executor, personId: string, unitId: string, role: Role): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('person_id', '=', personId)
    .where('unit_id', '=', unitId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Boolean(row);
}

export async function deleteMembership(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('memberships').where('id', '=', id).execute();
}

export async function countRole(db: Executor, role: Role): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many hold `role` in one unit. */
export async function countRoleIn(db: Executor, unitId: string, role: Role): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countPeople(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everyone holding a role in a unit, with name and phone: to fill a plan and to check its chain. */
export async function holdersIn(db: Executor, unitId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['people.id', 'people.name', 'people.phone', 'memberships.role'])
    .where('memberships.unit_id', '=', unitId)
    .orderBy('people.name')
    .execute();
}

/** The people holding one role in a unit: whom a chain step tells. */
export async function personIdsWithRole(db: Executor, unitId: string, role: Role): Promise<string[]> {
  const rows = await roleHolders.execute(db, { unitId, role });
  return rows.map((r) => r.person_id);
}

// Compiled once: each step of an incident's chain asks who holds its role.
const roleHolders = precompiled({ unitId: true, role: true }, (db, p: { unitId: string; role: Role }) =>
  db.selectFrom('memberships').select('person_id').where('unit_id', '=', p.unitId).where('role', '=', p.role),
);
