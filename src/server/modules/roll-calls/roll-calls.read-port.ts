import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/*
 * The roll-call module's read port, for the to-do: the classes of open roll calls that still have
 * children not marked. Ids and counts only, no names; the to-do asks the rosters' port whose class
 * each is.
 */

export interface ClassToMark {
  rollCallId: string;
  unitId: string;
  unitName: string;
  /** The class id. */
  groupKey: string;
  /** When the target time runs out: started + target. */
  targetAt: string;
  unmarked: number;
}

/** In the open roll calls of these units, each class with pupils not marked yet. */
export async function classesToMark(db: Executor, unitIds: string[]): Promise<ClassToMark[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('roll_call_subjects as s')
    .innerJoin('roll_calls as rc', 'rc.id', 's.roll_call_id')
    .innerJoin('units as u', 'u.id', 'rc.unit_id')
    .select(['rc.id', 'rc.unit_id', 'u.name', 'rc.started_at', 'rc.target_seconds', 's.group_key'])
    .select(sql<number>`count(*)`.as('unmarked'))
    .where('rc.state', '=', 'open')
    .where('rc.unit_id', 'in', unitIds)
    .where('s.kind', '=', 'pupil')
    .where('s.status', 'is', null)
    .groupBy(['rc.id', 'rc.unit_id', 'u.name', 'rc.started_at', 'rc.target_seconds', 's.group_key'])
    .execute();
  return rows.map((r) => ({
    rollCallId: r.id,
    unitId: r.unit_id,
    unitName: r.name,
    groupKey: r.group_key,
    targetAt: new Date(Date.parse(r.started_at) + r.target_seconds * 1000).toISOString(),
    unmarked: Number(r.unmarked),
  }));
}
