import type { Executor } from '../../db/database.js';
import type { Role } from '../../../common/org.js';

/** Who holds a role where, and one person: what other modules ask of people (the writes stay here). */
export { findById, holdersIn, personIdsWithRole } from './people.repository.js';

/** The people module's read port: who holds a role in a unit, by name (for letters and compliance). */
export async function roleHolders(db: Executor, unitId: string, role: Role): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.name'])
    .where('m.unit_id', '=', unitId)
    .where('m.role', '=', role)
    .orderBy('p.name')
    .execute();
}

/** Names of people by id. */
export async function personNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How many hold `role` in each of the units, counted in one query. */
export async function roleCounts(db: Executor, unitIds: string[], role: Role): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .select('unit_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('unit_id', 'in', unitIds)
    .where('role', '=', role)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
