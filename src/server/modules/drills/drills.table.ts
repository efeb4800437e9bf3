import type { Selectable } from 'kysely';
import type { DrillType } from '../../../common/org.js';
import type { DrillStatus } from '../../../common/schemas/drills.js';

export interface DrillTable {
  id: string;
  unit_id: string;
  type: DrillType;
  title: string;
  /** Local date it is planned for; null for a drill recorded without a plan. */
  planned_date: string | null;
  status: DrillStatus;
  started_at: string | null;
  ended_at: string | null;
  participants: number | null;
  evacuation_seconds: number | null;
  evaluation: string | null;
  problems_json: string;
  created_at: string;
  updated_at: string;
}

export interface DrillTables {
  drills: DrillTable;
}

export type DrillRow = Selectable<DrillTable>;
