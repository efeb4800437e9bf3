import type { Selectable } from 'kysely';
import type { ReunificationStatus, PupilOutcome } from '../../../common/schemas/reunification.js';

/** A reunification after a real evacuation: a school's point where children are handed to adults. */
export interface ReunificationTable {
  id: string;
  unit_id: string;
  incident_id: string;
  /** Where guardians are told to come, as the head wrote it ("east gate sports ground"). */
  point: string;
  status: ReunificationStatus;
  opened_by_person_id: string | null;
  opened_at: string;
  closed_by_person_id: string | null;
  closed_at: string | null;
  /** Random, per reunification: the key of the check values release staff hold offline while it is open. */
  check_secret: string | null;
}

/** The people of the school who release children while the reunification is open. */
export interface ReunificationStaffTable {
  reunification_id: string;
  person_id: string;
}

/** A pupil accounted for: released to an adult on the list, or absent that day. Goes with the pupil. */
export interface ReunificationPupilTable {
  id: string;
  reunification_id: string;
  pupil_id: string;
  state: PupilOutcome;
  /** The adult who collected, copied from the list at release (a roster edit replaces adult rows). */
  adult_name: string | null;
  adult_relation: string | null;
  staff_person_id: string;
  at: string;
  /** The phone's idempotency key, when it sent one. */
  client_key: string | null;
}

/** Someone not on the list asked for a pupil and was refused. Goes with the pupil. */
export interface ReunificationRefusalTable {
  id: string;
  reunification_id: string;
  pupil_id: string;
  name_given: string;
  mobile_given: string;
  /** Which checks failed: ["name", "mobile", "idLast4"]. */
  failed_json: string;
  staff_person_id: string;
  at: string;
  /** The phone's idempotency key, when it sent one. */
  client_key: string | null;
}

export interface ReunificationTables {
  reunifications: ReunificationTable;
  reunification_staff: ReunificationStaffTable;
  reunification_pupils: ReunificationPupilTable;
  reunification_refusals: ReunificationRefusalTable;
}

export type ReunificationRow = Selectable<ReunificationTable>;
export type ReunificationPupilRow = Selectable<ReunificationPupilTable>;
export type ReunificationRefusalRow = Selectable<ReunificationRefusalTable>;
