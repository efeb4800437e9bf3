import type { Selectable } from 'kysely';
import type {
  DutyKind,
  DutyState,
  ExchangeKind,
  Reception,
  ReportStage,
  ReportState,
  SignedAs,
  VerbalChannel,
} from '../../../common/schemas/incident-reports.js';

/** One written report of a unit on an incident: a stage (首报, 续报 N, 终报, 补报 N) sent to the unit above. */
export interface IncidentReportTable {
  id: string;
  incident_id: string;
  /** The reporting unit: the incident's own, or a unit above that forwards it. */
  unit_id: string;
  to_unit_id: string;
  stage: ReportStage;
  seq: number;
  /** draft, submitted (for sign-off), signed_off, sent. */
  state: ReportState;
  /** The unit above's answer to the latest version sent: received, returned, accepted. */
  reception: Reception | null;
  current_version: number;
  /** The received report this one forwards upward. */
  forwarded_from_id: string | null;
  created_by_person_id: string | null;
  created_at: string;
  updated_at: string;
  first_sent_at: string | null;
}

/** One version's content; a version is edited only until the head signs it off, and kept for good. */
export interface IncidentReportVersionTable {
  id: string;
  report_id: string;
  version: number;
  content_json: string;
  edited_by_person_id: string | null;
  created_at: string;
  updated_at: string;
  signed_off_by_person_id: string | null;
  /** head or acting_head. */
  signed_off_as: SignedAs | null;
  signed_off_at: string | null;
  sent_by_person_id: string | null;
  sent_at: string | null;
}

/** The record of the exchange: submitted, signed off, sent, returned (reason, new deadline), accepted, forwarded. */
export interface IncidentReportExchangeTable {
  id: string;
  report_id: string;
  version: number;
  kind: ExchangeKind;
  /** The unit that acted. */
  unit_id: string;
  person_id: string | null;
  at: string;
  reason: string | null;
  due_at: string | null;
}

/** A deadline of the reporting: a stage, a daily follow-up, forwarding upward, or correcting a returned report. */
export interface IncidentReportDutyTable {
  id: string;
  incident_id: string;
  unit_id: string;
  kind: DutyKind;
  seq: number;
  report_id: string | null;
  due_at: string;
  remind_at: string | null;
  /** open, met, cancelled. */
  state: DutyState;
  late: number;
  met_at: string | null;
  created_at: string;
}

export interface IncidentVerbalReportTable {
  id: string;
  incident_id: string;
  unit_id: string;
  to_unit_id: string;
  to_whom: string;
  channel: VerbalChannel;
  at: string;
  summary: string;
  late: number;
  /** The chain step the call completed, if the chain had a report step open. */
  chain_step_id: string | null;
  recorded_by_person_id: string | null;
  recorded_at: string;
}

export interface IncidentCasualtyChangeTable {
  id: string;
  incident_id: string;
  unit_id: string;
  casualties_json: string;
  note: string;
  /** The 补报 the change opened, when it came after the final report. */
  supplement_report_id: string | null;
  person_id: string | null;
  at: string;
}

export type IncidentReportRow = Selectable<IncidentReportTable>;
export type IncidentReportVersionRow = Selectable<IncidentReportVersionTable>;
export type IncidentReportExchangeRow = Selectable<IncidentReportExchangeTable>;
export type IncidentReportDutyRow = Selectable<IncidentReportDutyTable>;
export type IncidentVerbalReportRow = Selectable<IncidentVerbalReportTable>;
export type IncidentCasualtyChangeRow = Selectable<IncidentCasualtyChangeTable>;

/** This module's tables, as `Database` extends them. */
export interface IncidentReportTables {
  incident_reports: IncidentReportTable;
  incident_report_versions: IncidentReportVersionTable;
  incident_report_exchanges: IncidentReportExchangeTable;
  incident_report_duties: IncidentReportDutyTable;
  incident_verbal_reports: IncidentVerbalReportTable;
  incident_casualty_changes: IncidentCasualtyChangeTable;
}
