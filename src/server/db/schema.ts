import type { Selectable } from 'kysely';
import type { UnitTables } from '../modules/units/units.table.js';
import type { PeopleTables } from '../modules/people/people.table.js';
import type { PlanTables } from '../modules/plans/plans.table.js';
import type { DeadlineTables } from '../engine/deadlines.table.js';
import type { IncidentTables } from '../modules/incidents/incidents.table.js';
import type { DeliveryTables } from '../notify/deliveries.table.js';
import type { VisitorTables } from '../modules/visitors/visitors.table.js';
import type { CaseTables } from '../modules/cases/cases.table.js';
import type { DrillTables } from '../modules/drills/drills.table.js';
import type { InspectionTables } from '../modules/inspections/inspections.table.js';
import type { PatrolTables } from '../modules/patrols/patrols.table.js';
import type { DutyTables } from '../modules/duty/duty.table.js';
import type { LeaveTables } from '../modules/leave/leave.table.js';
import type { DailyReportTables } from '../modules/daily-reports/daily-reports.table.js';
import type { RosterTables } from '../modules/rosters/rosters.table.js';
import type { RollCallTables } from '../modules/roll-calls/roll-calls.table.js';
import type { NotificationTables } from '../modules/notifications/notifications.table.js';
import type { DirectiveTables } from '../modules/directives/directives.table.js';
import type { ChannelTables } from '../modules/channels/channels.table.js';
import type { AcknowledgementTables } from '../modules/acknowledgements/acknowledgements.table.js';
import type { AuditTables } from '../modules/audit/audit.table.js';
import type { LetterTables } from '../modules/letters/letters.table.js';
import type { AssessmentTables } from '../modules/assessment/assessment.table.js';
import type { AuthTables } from '../modules/auth/auth.table.js';
import type { IncidentReportTables } from '../modules/incident-reports/incident-reports.table.js';

/*
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC text; booleans are 0/1 integers;
 * JSON is text. Both databases store the same shapes, so one query code serves both.
 */

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

/**
 * Every module keeps its tables beside it (`<module>.table.ts`, the engine's and the notifier's in their
 * folders); the database is their sum, with the tables not yet moved to a module.
 */
export interface Database
  extends
    UnitTables,
    PeopleTables,
    AuthTables,
    PlanTables,
    DeadlineTables,
    IncidentTables,
    DeliveryTables,
    VisitorTables,
    CaseTables,
    DrillTables,
    InspectionTables,
    PatrolTables,
    DutyTables,
    LeaveTables,
    DailyReportTables,
    DirectiveTables,
    ChannelTables,
    AcknowledgementTables,
    AuditTables,
    LetterTables,
    AssessmentTables,
    IncidentReportTables,
    RosterTables,
    RollCallTables,
    NotificationTables {
  incident_photos: IncidentPhotoTable;
  drill_photos: DrillPhotoTable;
  inspection_photos: InspectionPhotoTable;
}

export type InspectionPhotoRow = Selectable<InspectionPhotoTable>;
