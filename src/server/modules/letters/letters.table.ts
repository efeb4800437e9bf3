import type { Selectable } from 'kysely';
import type { Role } from '../../../common/org.js';
import type { LetterStatus } from '../../../common/schemas/letters.js';

/** One version of a responsibility letter (目标责任书): issued by a unit, signed by both sides. */
export interface ResponsibilityLetterTable {
  id: string;
  /** The first version's id; every version of one letter shares it. */
  series_id: string;
  version: number;
  issuer_unit_id: string;
  /** The unit whose head (or whose staff member) signs as the responsible side. */
  unit_id: string;
  template_id: string;
  /** The role that signs for the unit: accountable_head, or a staff role. */
  role: Role;
  /** A staff letter names its person; a head's letter may be signed by any head of the unit. */
  recipient_person_id: string | null;
  period_label: string;
  title: string;
  locale: string;
  /** [{ title, text }]: the duties copied from the plan in force when this version was made. */
  duties_json: string;
  plan_id: string | null;
  plan_version: number | null;
  /** awaiting (signatures) → signed; or superseded by a newer version. */
  status: LetterStatus;
  sign_due_at: string;
  issuer_signed_at: string | null;
  issuer_signed_by_person_id: string | null;
  recipient_signed_at: string | null;
  recipient_signed_by_person_id: string | null;
  /** When the sign-off deadline found it unsigned; kept after a late signature. */
  marked_late_at: string | null;
  reminders: number;
  last_reminded_at: string | null;
  created_by_person_id: string | null;
  created_at: string;
  superseded_at: string | null;
}

export type LetterRow = Selectable<ResponsibilityLetterTable>;

/** This module's tables, as `Database` extends them. */
export interface LetterTables {
  responsibility_letters: ResponsibilityLetterTable;
}
