import type { Selectable } from 'kysely';
import type { DirectiveKind } from '../../../common/schemas/directives.js';

export interface DirectiveTable {
  id: string;
  sender_unit_id: string;
  sender_person_id: string | null;
  /** notice or directive. */
  kind: DirectiveKind;
  title: string;
  body: string;
  sign_due_at: string;
  reply_due_at: string | null;
  created_at: string;
}

/** One unit a directive went to: its sign-off and reply, and how it was chased. */
export interface DirectiveTargetTable {
  id: string;
  directive_id: string;
  unit_id: string;
  signed_at: string | null;
  signed_by_person_id: string | null;
  sign_late: number;
  /** When the sign-for deadline found it unsigned; kept after a late sign-off. */
  marked_late_at: string | null;
  reply_text: string | null;
  replied_at: string | null;
  replied_by_person_id: string | null;
  reply_late: number;
  reminders: number;
  last_reminded_at: string | null;
}

export interface DirectiveAttachmentTable {
  id: string;
  directive_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** Relative to the data directory. */
  path: string;
  created_at: string;
}

export type DirectiveRow = Selectable<DirectiveTable>;
export type DirectiveTargetRow = Selectable<DirectiveTargetTable>;
export type DirectiveAttachmentRow = Selectable<DirectiveAttachmentTable>;

/** This module's tables, as `Database` extends them. */
export interface DirectiveTables {
  directives: DirectiveTable;
  directive_targets: DirectiveTargetTable;
  directive_attachments: DirectiveAttachmentTable;
}
