import type { Selectable } from 'kysely';
import type { IdKind } from '../../../common/schemas/visitors.js';

export interface VisitorTable {
  id: string;
  unit_id: string;
  name: string;
  id_kind: IdKind;
  /** Only the last four characters; the server masks whatever it is sent. */
  id_masked: string;
  purpose: string;
  host_name: string;
  vehicle_plate: string;
  checked_in_at: string;
  checked_out_at: string | null;
  registered_by_person_id: string | null;
  created_at: string;
  /** The idempotency key the gate phone made for the check-in (unique; null for older rows). */
  client_key: string | null;
  /** The same for the check-out. */
  check_out_client_key: string | null;
}

export interface VisitorSettingsTable {
  unit_id: string;
  closing_time: string;
}

export interface VisitorTables {
  visitors: VisitorTable;
  visitor_settings: VisitorSettingsTable;
}

export type VisitorRow = Selectable<VisitorTable>;
