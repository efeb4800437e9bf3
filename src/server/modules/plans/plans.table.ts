import type { Selectable } from 'kysely';
import type { PlanKind, PlanStatus } from '../../../common/schemas/plans.js';

export interface PlanTable {
  id: string;
  unit_id: string;
  kind: PlanKind;
  template: string;
  created_at: string;
  updated_at: string;
}

export interface PlanVersionTable {
  id: string;
  plan_id: string;
  version: number;
  status: PlanStatus;
  title: string;
  locale: string;
  period_name: string | null;
  /** Local dates in the unit's time zone, both included; a special period only. */
  period_start: string | null;
  period_end: string | null;
  covers_sub_units: number;
  content_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  approved_by_person_id: string | null;
}

export interface PlanTables {
  plans: PlanTable;
  plan_versions: PlanVersionTable;
}

export type PlanRow = Selectable<PlanTable>;
export type PlanVersionRow = Selectable<PlanVersionTable>;
