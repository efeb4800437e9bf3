import type { Selectable } from 'kysely';
import type { IncidentType, Role } from '../../../common/org.js';
import type {
  FlagKind,
  IncidentStatus,
  RecipientReason,
  StepKind,
  StepState,
} from '../../../common/schemas/incidents.js';

export interface IncidentTable {
  id: string;
  unit_id: string;
  type: IncidentType;
  /** 1 = Ⅰ 特别重大 … 4 = Ⅳ 一般. */
  severity: number;
  place: string;
  description: string;
  /** When it happened, as the reporter says; `reported_at` is when Steady heard of it. */
  occurred_at: string;
  reported_at: string;
  reporter_person_id: string | null;
  status: IncidentStatus;
  drill: number;
  plan_id: string | null;
  plan_version: number | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentStepTable {
  id: string;
  incident_id: string;
  position: number;
  kind: StepKind;
  target_unit_id: string;
  role: Role;
  deadline_minutes: number;
  due_at: string;
  /** waiting → active → done. */
  state: StepState;
  late: number;
  /** A drill's step towards the parent unit: run, timed, but nobody there is alarmed. */
  simulated: number;
  activated_at: string | null;
  done_at: string | null;
  done_by_person_id: string | null;
  report_text: string | null;
}

export interface IncidentRecipientTable {
  id: string;
  step_id: string;
  person_id: string;
  /** holder (holds the role), deputy (escalation), parent (told directly when a report is late). */
  reason: RecipientReason;
  notified_at: string;
}

export interface IncidentEventTable {
  id: string;
  incident_id: string;
  at: string;
  person_id: string | null;
  actor_label: string;
  kind: string;
  text: string | null;
  data_json: string | null;
}

export interface IncidentFlagTable {
  id: string;
  incident_id: string;
  step_id: string | null;
  kind: FlagKind;
  unit_id: string;
  person_ids_json: string;
  set_at: string;
  detail_json: string | null;
}

export interface IncidentFlagNoteTable {
  id: string;
  flag_id: string;
  person_id: string | null;
  actor_label: string;
  text: string;
  at: string;
}

export interface AfterActionReportTable {
  incident_id: string;
  content_json: string;
  filed_by_person_id: string | null;
  filed_at: string;
}

export interface IncidentTables {
  incidents: IncidentTable;
  incident_steps: IncidentStepTable;
  incident_recipients: IncidentRecipientTable;
  incident_events: IncidentEventTable;
  incident_flags: IncidentFlagTable;
  incident_flag_notes: IncidentFlagNoteTable;
  after_action_reports: AfterActionReportTable;
}

export type IncidentRow = Selectable<IncidentTable>;
export type IncidentStepRow = Selectable<IncidentStepTable>;
export type IncidentEventRow = Selectable<IncidentEventTable>;
export type IncidentFlagRow = Selectable<IncidentFlagTable>;
