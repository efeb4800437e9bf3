import type { Selectable } from 'kysely';
import type { Role } from '../../../common/org.js';
import type {
  Cadence,
  InspectionResult,
  TaskRisk,
  TaskSourceKind,
  TaskState,
} from '../../../common/schemas/inspections.js';

/** A unit's own checklist: copied from a shipped template (or started blank) and edited. */
export interface ChecklistTable {
  id: string;
  unit_id: string;
  template_id: string | null;
  name: string;
  locale: string;
  /** [{ code, text, guidance, risk, fixDays }] in the checklist's locale. */
  items_json: string;
  created_at: string;
  updated_at: string;
}

export interface InspectionScheduleTable {
  id: string;
  unit_id: string;
  checklist_id: string;
  /** weekly, monthly or termly. */
  cadence: Cadence;
  /** The role whose holders run it and are reminded. */
  role: Role;
  /** Local date in the unit's time zone. */
  next_due_date: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface InspectionTable {
  id: string;
  unit_id: string;
  checklist_id: string;
  checklist_name: string;
  inspector_person_id: string | null;
  inspector_label: string;
  submitted_at: string;
  note: string;
  pass_count: number;
  fail_count: number;
  na_count: number;
}

export interface InspectionResultTable {
  id: string;
  inspection_id: string;
  position: number;
  item_code: string;
  /** The item's wording when it was inspected; later edits of the checklist do not change it. */
  item_text: string;
  /** pass, fail or na. */
  result: InspectionResult;
  note: string;
  task_id: string | null;
}

export interface RectificationTaskTable {
  id: string;
  unit_id: string;
  title: string;
  /** low, medium, high, major. */
  risk: TaskRisk;
  /** inspection or drill. */
  source_kind: TaskSourceKind;
  source_id: string | null;
  /** The checklist's name or the drill's title, as it was. */
  source_label: string;
  source_item_code: string | null;
  source_detail: string | null;
  owner_person_id: string;
  due_at: string;
  /** open → awaiting_verification → closed, or reopened. */
  state: TaskState;
  overdue_at: string | null;
  escalated_at: string | null;
  reported_fixed_at: string | null;
  closed_at: string | null;
  verified_by_person_id: string | null;
  /** 挂牌督办: the parent unit that supervises it; only that unit may close it. */
  supervising_unit_id: string | null;
  supervised_at: string | null;
  supervised_by_person_id: string | null;
  supervision_note: string | null;
  created_by_person_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RectificationEventTable {
  id: string;
  task_id: string;
  at: string;
  person_id: string | null;
  actor_label: string;
  kind: string;
  note: string | null;
  data_json: string | null;
}

export interface InspectionTables {
  checklists: ChecklistTable;
  inspection_schedules: InspectionScheduleTable;
  inspections: InspectionTable;
  inspection_results: InspectionResultTable;
  rectification_tasks: RectificationTaskTable;
  rectification_events: RectificationEventTable;
}

export type ChecklistRow = Selectable<ChecklistTable>;
export type InspectionScheduleRow = Selectable<InspectionScheduleTable>;
export type InspectionRow = Selectable<InspectionTable>;
export type InspectionResultRow = Selectable<InspectionResultTable>;
export type RectificationTaskRow = Selectable<RectificationTaskTable>;
export type RectificationEventRow = Selectable<RectificationEventTable>;
