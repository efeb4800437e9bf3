import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DutyTables } from '../modules/duty/duty.table.js';
import type { LeaveTables } from '../modules/leave/leave.table.js';
import type { DailyReportTables } from '../modules/daily-reports/daily-reports.table.js';
import type { DirectiveTables } from '../modules/directives/directives.table.js';
import type { ChannelTables } from '../modules/channels/channels.table.js';
import type { AcknowledgementTables } from '../modules/acknowledgements/acknowledgements.table.js';
import type { AuditTables } from '../modules/audit/audit.table.js';
// issue 18: letters and assessment
import type { LetterTables } from '../modules/letters/letters.table.js';
import type { AssessmentTables } from '../modules/assessment/assessment.table.js';
import type { AuthTables } from '../modules/auth/auth.table.js';
import type { IncidentReportTables } from '../modules/incident-reports/incident-reports.table.js';
import type { NotificationTables } from '../modules/notifications/notifications.table.js';

/*
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC text; booleans are 0/1 integers;
 * JSON is text. Both databases store the same shapes, so one query code serves both.
 */

export interface UnitTable {
  id: string;
  parent_id: string | null;
  name: string;
  type: string;
  time_zone: string;
  locale: string;
  /** Ids from the root down to this unit, as `/id1/id2/`; a subtree is a prefix match. */
  path: string;
  depth: number;
  /** Pupils enrolled (schools and kindergartens); the guards a unit needs follow from it. */
  enrolment: number | null;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  /** The unit that registered this person; they stay visible there even without a role. */
  home_unit_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** The language this person is written to in: zh-CN, en, or null for their unit's. */
  language: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  person_id: string;
  unit_id: string;
  role: string;
  created_at: string;
}

export interface AccountTable {
  id: string;
  person_id: string;
  username: string;
  password_hash: string;
  must_change_password: number;
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's secret: a copy of the table opens no sessions. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** `read` (GET only) or `write`. */
  access: string;
  /** JSON array of the modules (OpenAPI tags) the token may use; null for all. */
  modules_json: string | null;
  expires_at: string | null;
}

export interface PlanTable {
  id: string;
  unit_id: string;
  kind: string;
  template: string;
  created_at: string;
  updated_at: string;
}

export interface PlanVersionTable {
  id: string;
  plan_id: string;
  version: number;
  status: string;
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

export interface IncidentTable {
  id: string;
  unit_id: string;
  type: string;
  /** 1 = Ⅰ 特别重大 … 4 = Ⅳ 一般. */
  severity: number;
  place: string;
  description: string;
  /** When it happened, as the reporter says; `reported_at` is when Steady heard of it. */
  occurred_at: string;
  reported_at: string;
  reporter_person_id: string | null;
  status: string;
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
  kind: string;
  target_unit_id: string;
  role: string;
  deadline_minutes: number;
  due_at: string;
  /** waiting → active → done. */
  state: string;
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
  reason: string;
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
  kind: string;
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

export interface DeliveryTable {
  id: string;
  notification_id: string;
  person_id: string;
  method_position: number;
  channel: string;
  address_json: string;
  locale: string;
  /** pending → sending → sent; or failed (handed to the next method) or dead (no method left). */
  state: string;
  attempts: number;
  next_attempt_at: string;
  /** While sending: after this, a crashed sender's claim lapses and the delivery is tried again. */
  lease_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  /** urgent or routine, copied from the notification: alerts are never held behind routine messages. */
  priority: string;
  respond_by: string | null;
  /** When the next method starts in parallel unless this one has confirmed delivery. */
  failover_at: string | null;
  /** 1 once the next method has been started for this delivery (or there is none). */
  handed_over: number;
  /** The vendor's id for the message (BizId, SerialNo, CallId…), matched by delivery receipts. */
  provider_id: string | null;
  /** The vendor confirmed it reached the phone (a receipt, or an API that answers only on delivery). */
  delivered_at: string | null;
  /** The vendor's own error code of the last failure (isv.BUSINESS_LIMIT_CONTROL, 45009…), and when. */
  error_code: string | null;
  error_at: string | null;
  /** The vendor account that carried it (aliyun_sms, tencent_voice, wecom_app…); null for robots and e-mail. */
  vendor: string | null;
  /** A routine message sent inside another one's digest: the id of that delivery. */
  merged_into: string | null;
}

export interface IncidentPhotoTable {
  id: string;
  incident_id: string;
  /** Relative to the data directory. */
  path: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by_person_id: string | null;
  created_at: string;
}

export interface VisitorTable {
  id: string;
  unit_id: string;
  name: string;
  id_kind: string;
  /** Only the last four characters; the server masks whatever it is sent. */
  id_masked: string;
  purpose: string;
  host_name: string;
  vehicle_plate: string;
  checked_in_at: string;
  checked_out_at: string | null;
  registered_by_person_id: string | null;
  created_at: string;
}

export interface VisitorSettingsTable {
  unit_id: string;
  closing_time: string;
}

/** Every look at personal data: who, when, which unit's records, with what filter. */
export interface AccessLogTable {
  id: string;
  at: string;
  account_id: string | null;
  actor_label: string;
  entity: string;
  unit_id: string | null;
  detail_json: string | null;
}

export interface CaseTable {
  id: string;
  unit_id: string;
  /** What the person who raised it quotes: `<year>-<seq>` per database, e.g. 2027-0042. */
  number: string;
  category: string;
  issue: string;
  owner_person_id: string;
  status: string;
  outcome: string | null;
  agreement_text: string | null;
  no_agreement_reason: string | null;
  follow_up_date: string | null;
  /** SHA-256 of the private link's token; the token itself is shown once. */
  public_token_hash: string | null;
  public_token_expires_at: string | null;
  opened_at: string;
  last_activity_at: string;
  resolved_at: string | null;
  closed_at: string | null;
}

export interface CasePartyTable {
  id: string;
  case_id: string;
  name: string;
  contact: string;
  raised_it: number;
}

export interface CaseSessionTable {
  id: string;
  case_id: string;
  at: string;
  mediator_person_id: string | null;
  notes: string;
}

export interface DrillTable {
  id: string;
  unit_id: string;
  type: string;
  title: string;
  /** Local date it is planned for; null for a drill recorded without a plan. */
  planned_date: string | null;
  status: string;
  started_at: string | null;
  ended_at: string | null;
  participants: number | null;
  evacuation_seconds: number | null;
  evaluation: string | null;
  problems_json: string;
  created_at: string;
  updated_at: string;
}

export interface DrillPhotoTable {
  id: string;
  drill_id: string;
  /** Relative to the data directory. */
  path: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by_person_id: string | null;
  created_at: string;
}

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
  cadence: string;
  /** The role whose holders run it and are reminded. */
  role: string;
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
  result: string;
  note: string;
  task_id: string | null;
}

export interface RectificationTaskTable {
  id: string;
  unit_id: string;
  title: string;
  /** low, medium, high, major. */
  risk: string;
  /** inspection or drill. */
  source_kind: string;
  source_id: string | null;
  /** The checklist's name or the drill's title, as it was. */
  source_label: string;
  source_item_code: string | null;
  source_detail: string | null;
  owner_person_id: string;
  due_at: string;
  /** open → awaiting_verification → closed, or reopened. */
  state: string;
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

export interface InspectionPhotoTable {
  id: string;
  unit_id: string;
  /** Relative to the data directory. */
  path: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by_person_id: string | null;
  created_at: string;
  attached_kind: string | null;
  attached_id: string | null;
}

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
  kind: string;
  /** planned → open → done or missed; cancelled when the plan stopped asking for it. */
  state: string;
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
  method: string;
  note: string;
  /** Relative to the data directory. */
  photo_path: string | null;
  photo_mime: string | null;
  photo_size: number | null;
  photo_sha256: string | null;
  created_at: string;
}

/** Duty and leave keep their table types beside their modules (duty.table.ts, leave.table.ts). */
export interface Database
  extends
    DutyTables,
    LeaveTables,
    DailyReportTables,
    DirectiveTables,
    ChannelTables,
    AcknowledgementTables,
    AuditTables,
    LetterTables,
    AssessmentTables,
    AuthTables,
    IncidentReportTables,
    NotificationTables {
  units: UnitTable;
  people: PersonTable;
  memberships: MembershipTable;
  accounts: AccountTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  plans: PlanTable;
  plan_versions: PlanVersionTable;
  deadlines: DeadlineTable;
  incidents: IncidentTable;
  incident_steps: IncidentStepTable;
  incident_recipients: IncidentRecipientTable;
  incident_events: IncidentEventTable;
  incident_flags: IncidentFlagTable;
  incident_flag_notes: IncidentFlagNoteTable;
  after_action_reports: AfterActionReportTable;
  deliveries: DeliveryTable;
  incident_photos: IncidentPhotoTable;
  visitors: VisitorTable;
  visitor_settings: VisitorSettingsTable;
  access_log: AccessLogTable;
  cases: CaseTable;
  case_parties: CasePartyTable;
  case_sessions: CaseSessionTable;
  drills: DrillTable;
  drill_photos: DrillPhotoTable;
  checklists: ChecklistTable;
  inspection_schedules: InspectionScheduleTable;
  inspections: InspectionTable;
  inspection_results: InspectionResultTable;
  rectification_tasks: RectificationTaskTable;
  rectification_events: RectificationEventTable;
  inspection_photos: InspectionPhotoTable;
  patrol_checkpoints: PatrolCheckpointTable;
  patrols: PatrolTable;
  patrol_check_ins: PatrolCheckInTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type PersonRow = Selectable<PersonTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type AccountRow = Selectable<AccountTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanVersionRow = Selectable<PlanVersionTable>;
export type DeadlineRow = Selectable<DeadlineTable>;
export type IncidentRow = Selectable<IncidentTable>;
export type IncidentStepRow = Selectable<IncidentStepTable>;
export type IncidentEventRow = Selectable<IncidentEventTable>;
export type IncidentFlagRow = Selectable<IncidentFlagTable>;
export type DeliveryRow = Selectable<DeliveryTable>;
export type CaseRow = Selectable<CaseTable>;
export type DrillRow = Selectable<DrillTable>;
export type VisitorRow = Selectable<VisitorTable>;
export type ChecklistRow = Selectable<ChecklistTable>;
export type InspectionScheduleRow = Selectable<InspectionScheduleTable>;
export type InspectionRow = Selectable<InspectionTable>;
export type InspectionResultRow = Selectable<InspectionResultTable>;
export type RectificationTaskRow = Selectable<RectificationTaskTable>;
export type RectificationEventRow = Selectable<RectificationEventTable>;
export type InspectionPhotoRow = Selectable<InspectionPhotoTable>;
