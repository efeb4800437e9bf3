import type { Selectable } from 'kysely';
import type { MarkStatus, RollCallState, SubjectKind } from '../../../common/schemas/roll-calls.js';

/** One roll call of a unit: from a drill, an incident, or started by the head. */
export interface RollCallTable {
  id: string;
  unit_id: string;
  drill_id: string | null;
  incident_id: string | null;
  /** 1 when started from a drill or a drill incident: messages carry the drill mark. */
  drill: number;
  started_by_person_id: string | null;
  started_by_label: string;
  started_at: string;
  target_seconds: number;
  /** When the last group was fully reported: the latest of everyone's first mark. Set once. */
  completed_at: string | null;
  closed_at: string | null;
  closed_by_person_id: string | null;
  state: RollCallState;
}

/**
 * Who is on the list, by reference only — never a copied name: names are read when the list is
 * read, so a pupil purged from the roster (or a visitor purged after retention) leaves with their
 * subject row, marks and alerts (ON DELETE CASCADE). `status` is the latest mark by markedAt.
 */
export interface RollCallSubjectTable {
  id: string;
  roll_call_id: string;
  /** Listing order: classes by name, each by pupil name; then staff; then visitors. */
  position: number;
  /** A class id, 'staff' or 'visitors'. */
  group_key: string;
  kind: SubjectKind;
  pupil_id: string | null;
  person_id: string | null;
  visitor_id: string | null;
  status: MarkStatus | null;
  /** The earliest markedAt of its marks: when this person was first reported. */
  first_marked_at: string | null;
  status_marked_at: string | null;
  status_mark_id: string | null;
}

/** Every mark as it came, kept: the history shows two teachers marking the same child. */
export interface RollCallMarkTable {
  id: string;
  roll_call_id: string;
  subject_id: string;
  status: MarkStatus;
  /** When it was marked on the phone (kept within the roll call's start and its arrival). */
  marked_at: string;
  received_at: string;
  marked_by_person_id: string | null;
  marked_by_label: string;
  /** Unique within the roll call: the same key sent again is the same mark. */
  idempotency_key: string;
}

/** A person marked missing: open until they are marked found. */
export interface RollCallAlertTable {
  id: string;
  roll_call_id: string;
  subject_id: string;
  opened_at: string;
  closed_at: string | null;
}

export interface RollCallTables {
  roll_calls: RollCallTable;
  roll_call_subjects: RollCallSubjectTable;
  roll_call_marks: RollCallMarkTable;
  roll_call_alerts: RollCallAlertTable;
}

export type RollCallRow = Selectable<RollCallTable>;
export type RollCallSubjectRow = Selectable<RollCallSubjectTable>;
export type RollCallMarkRow = Selectable<RollCallMarkTable>;
export type RollCallAlertRow = Selectable<RollCallAlertTable>;
