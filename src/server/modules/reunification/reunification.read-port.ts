import type { Executor } from '../../db/database.js';
import { openWhereStaff } from './reunification.repository.js';

/** The reunification module's read port: open reunifications where a person releases children (their to-do). */
export async function releasingFor(
  db: Executor,
  personId: string,
): Promise<{ reunificationId: string; unitId: string; unitName: string; point: string; openedAt: string }[]> {
  return (await openWhereStaff(db, personId)).map((r) => ({
    reunificationId: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    point: r.point,
    openedAt: r.opened_at,
  }));
}
