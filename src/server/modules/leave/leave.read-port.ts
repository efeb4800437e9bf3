import type { Executor } from '../../db/database.js';

/** The leave module's read port: requests waiting for a decision by the parent unit. */
export interface LeaveWaiting {
  leaveId: string;
  unitId: string;
  unitName: string;
  headName: string;
  startDate: string;
  endDate: string;
  /** When the leave begins: a decision after that is late. */
  startsAt: string;
}

/**
 * Requested leave of heads of units directly below `parentUnitIds` (where the person is an
 * organisation manager, as deciding requires), never their own.
 */
export async function leaveToDecide(db: Executor, parentUnitIds: string[], personId: string): Promise<LeaveWaiting[]> {
  if (parentUnitIds.length === 0) return [];
  const rows = await db
    .selectFrom('leave_requests as l')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .innerJoin('people as p', 'p.id', 'l.head_person_id')
    .select([
      'l.id',
      'l.unit_id',
      'u.name as unit_name',
      'p.name as head_name',
      'l.start_date',
      'l.end_date',
      'l.starts_at',
    ])
    .where('l.state', '=', 'requested')
    .where('u.parent_id', 'in', parentUnitIds)
    .where('l.head_person_id', '!=', personId)
    .execute();
  return rows.map((r) => ({
    leaveId: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    headName: r.head_name,
    startDate: r.start_date,
    endDate: r.end_date,
    startsAt: r.starts_at,
  }));
}
