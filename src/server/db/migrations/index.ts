import type { Migration } from 'kysely';
import * as foundation from './20261129_0800_foundation.js';
import * as plans from './20261129_0900_plans.js';
import * as engine from './20261129_1000_engine.js';
import * as incidents from './20261129_1100_incidents.js';
import * as deliveries from './20261129_1200_deliveries.js';
import * as incidentPhotos from './20261129_1300_incident_photos.js';
import * as visitors from './20261129_1400_visitors.js';
import * as cases from './20261129_1500_cases.js';
import * as drills from './20261129_1600_drills.js';
import * as drillPhotos from './20261129_1650_drill_photos.js';
import * as inspections from './20261129_1700_inspections.js';
import * as dailyReports from './20261129_1800_daily_reports.js';
import * as directives from './20261129_1810_directives.js';
import * as duty from './20261129_1900_duty.js';
import * as leave from './20261129_1920_leave.js';
import * as patrols from './20261129_1950_patrols.js';
import * as incidentFlagsAppendOnly from './20261129_2000_incident_flags_append_only.js';
import * as reach from './20261206_1100_reach.js';
import * as auditSequencer from './20261206_1500_audit_sequencer.js';
// issue 18: letters, assessment, enrolment
import * as assessment from './20261206_1800_assessment.js';
import * as security from './20261206_12_security.js';
import * as incidentReports from './20261206_1600_incident_reports.js';
import * as readerLanguage from './20261207_0900_reader_language.js';
import * as deadlineKinds from './20261207_1000_deadline_kinds.js';
import * as rosters from './20261208_0900_rosters.js';
import * as rollCalls from './20261209_1000_roll_calls.js';
import * as reunification from './20261209_1100_reunification.js';
import * as visitorClientKeys from './20261209_1200_visitor_client_keys.js';
import * as patrolCheckInClientKeys from './20261209_1300_patrol_check_in_client_keys.js';
import * as reunificationKeys from './20261209_1400_reunification_keys.js';

/** Every migration, in order. Names carry a timestamp prefix; never rename or edit a landed one. */
export const migrations: Record<string, Migration> = {
  '20261129_0800_foundation': foundation,
  '20261129_0900_plans': plans,
  '20261129_1000_engine': engine,
  '20261129_1100_incidents': incidents,
  '20261129_1200_deliveries': deliveries,
  '20261129_1300_incident_photos': incidentPhotos,
  '20261129_1400_visitors': visitors,
  '20261129_1500_cases': cases,
  '20261129_1600_drills': drills,
  '20261129_1650_drill_photos': drillPhotos,
  '20261129_1700_inspections': inspections,
  '20261129_1800_daily_reports': dailyReports,
  '20261129_1810_directives': directives,
  '20261129_1900_duty': duty,
  '20261129_1920_leave': leave,
  '20261129_1950_patrols': patrols,
  '20261129_2000_incident_flags_append_only': incidentFlagsAppendOnly,
  '20261206_1100_reach': reach,
  '20261206_1500_audit_sequencer': auditSequencer,
  '20261206_1800_assessment': assessment,
  '20261206_12_security': security,
  '20261206_1600_incident_reports': incidentReports,
  '20261207_0900_reader_language': readerLanguage,
  '20261207_1000_deadline_kinds': deadlineKinds,
  '20261208_0900_rosters': rosters,
  '20261209_1000_roll_calls': rollCalls,
  '20261209_1100_reunification': reunification,
  '20261209_1200_visitor_client_keys': visitorClientKeys,
  '20261209_1300_patrol_check_in_client_keys': patrolCheckInClientKeys,
  '20261209_1400_reunification_keys': reunificationKeys,
};
