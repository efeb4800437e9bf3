import type { Selectable } from 'kysely';

export interface DeadlineTable {
  id: string;
  /** What to do when due, e.g. `incident.step`; a handler is registered per kind. */
  kind: string;
  /** The record the deadline belongs to; one deadline per kind and record. */
  ref_id: string;
  unit_id: string | null;
  due_at: string;
  /** pending → fired, or cancelled when the thing it waited for happened. */
  state: string;
  attempts: number;
  last_error: string | null;
  fired_by: string | null;
  created_at: string;
  fired_at: string | null;
}

export interface DeadlineTables {
  deadlines: DeadlineTable;
}

export type DeadlineRow = Selectable<DeadlineTable>;
