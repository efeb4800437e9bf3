import type { Selectable } from 'kysely';
import type { RotationKind, ShiftKind, SwapState } from '../../../common/schemas/duty.js';

/** A rotation: people taking turns, from which shifts are generated ahead. */
export interface DutyRotationTable {
  id: string;
  unit_id: string;
  name: string;
  /** daily (each shift the next slot), weekly (a slot holds a week), custom (each slot its own number of shifts). */
  kind: RotationKind;
  /** [{ dutyLeaderId, staffIds, turns }] */
  slots_json: string;
  /** Local dates, in the unit's zone. */
  start_date: string;
  end_date: string | null;
  days_ahead: number;
  /** The last local date generated; the next generation starts the day after. */
  generated_through: string | null;
  /** Turns taken so far: the rotation goes on where it stopped. */
  next_turn: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface DutyShiftTable {
  id: string;
  unit_id: string;
  /** 24h, day, night or custom. */
  kind: ShiftKind;
  /** The local date the shift starts on, in the unit's zone. */
  local_date: string;
  starts_at: string;
  ends_at: string;
  rotation_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DutyAssignmentTable {
  id: string;
  shift_id: string;
  person_id: string;
  /** leader (带班领导) or staff (值班人员). */
  role: string;
  position: number;
}

export interface DutySwapTable {
  id: string;
  unit_id: string;
  /** The proposer's shift. */
  shift_id: string;
  /** The other person's shift taken in exchange; null when they simply cover. */
  other_shift_id: string | null;
  from_person_id: string;
  to_person_id: string;
  note: string;
  /** proposed → accepted | declined | cancelled | void (the roster changed under it). */
  state: SwapState;
  proposed_at: string;
  decided_at: string | null;
}

export interface DutyHandoverTable {
  id: string;
  unit_id: string;
  /** The shift handing over. */
  shift_id: string;
  written_by_person_id: string;
  happened: string;
  pending: string;
  written_at: string;
  /** The shift whose person acknowledged it. */
  next_shift_id: string | null;
  acknowledged_by_person_id: string | null;
  acknowledged_at: string | null;
}

/** A secret calendar feed: one person's own shifts (unit_id null) or a unit's roster. */
export interface DutyFeedTable {
  id: string;
  owner_person_id: string;
  unit_id: string | null;
  /** SHA-256 of the token in the feed's address. */
  token_hash: string;
  created_at: string;
}

export interface DutyTables {
  duty_rotations: DutyRotationTable;
  duty_shifts: DutyShiftTable;
  duty_assignments: DutyAssignmentTable;
  duty_swaps: DutySwapTable;
  duty_handovers: DutyHandoverTable;
  duty_feeds: DutyFeedTable;
}

export type DutyRotationRow = Selectable<DutyRotationTable>;
export type DutyShiftRow = Selectable<DutyShiftTable>;
export type DutyAssignmentRow = Selectable<DutyAssignmentTable>;
export type DutySwapRow = Selectable<DutySwapTable>;
export type DutyHandoverRow = Selectable<DutyHandoverTable>;
export type DutyFeedRow = Selectable<DutyFeedTable>;
