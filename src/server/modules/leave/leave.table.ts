import type { Selectable } from 'kysely';
import type { LeaveState } from '../../../common/schemas/leave.js';

/** A head's leave: requested of the parent unit, or only recorded when no approval is needed. */
export interface LeaveRequestTable {
  id: string;
  unit_id: string;
  head_person_id: string;
  deputy_person_id: string;
  /** Local dates, both included. */
  start_date: string;
  end_date: string;
  /** The dates' bounds in the unit's zone: [starts_at, ends_at). */
  starts_at: string;
  ends_at: string;
  reason: string;
  approval_required: number;
  /** requested → approved | refused | cancelled; recorded (no approval needed) → cancelled. */
  state: LeaveState;
  decided_by_person_id: string | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
}

export interface LeaveTables {
  leave_requests: LeaveRequestTable;
}

export type LeaveRequestRow = Selectable<LeaveRequestTable>;
