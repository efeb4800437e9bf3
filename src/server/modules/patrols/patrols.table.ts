import type { CheckInMethod, PatrolKind, PatrolState } from '../../../common/schemas/patrol-limits.js';

export interface PatrolCheckpointTable {
  id: string;
  unit_id: string;
  name: string;
  location_hint: string;
  /** The secret in the point's QR code; a new one makes old prints useless. */
  code: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface PatrolTable {
  id: string;
  unit_id: string;
  /** Local date the patrol night begins on, in the unit's time zone. */
  night_date: string;
  /** scheduled, unannounced, or extra (started by the duty staff themselves). */
  kind: PatrolKind;
  /** planned → open → done or missed; cancelled when the plan stopped asking for it. */
  state: PatrolState;
  due_at: string;
  opened_at: string | null;
  deadline_at: string | null;
  done_at: string | null;
  started_by_person_id: string | null;
  created_at: string;
}

export interface PatrolCheckInTable {
  id: string;
  unit_id: string;
  checkpoint_id: string;
  patrol_id: string | null;
  person_id: string | null;
  at: string;
  /** scan (the QR code) or tap (the patrol screen's button). */
  method: CheckInMethod;
  note: string;
  /** Relative to the data directory. */
  photo_path: string | null;
  photo_mime: string | null;
  photo_size: number | null;
  photo_sha256: string | null;
  created_at: string;
  /** The idempotency key made on the phone (offline outbox); null for older rows and keyless calls. */
  client_key: string | null;
}

export interface PatrolTables {
  patrol_checkpoints: PatrolCheckpointTable;
  patrols: PatrolTable;
  patrol_check_ins: PatrolCheckInTable;
}
