import type { DeadlineKind } from './engine/engine.js';
import { caseDeadlines } from './modules/cases/case-deadlines.js';
import type { CaseService } from './modules/cases/cases.service.js';
import { dailyReportDeadlines } from './modules/daily-reports/daily-report-deadlines.js';
import type { DailyReports } from './modules/daily-reports/daily-reports.module.js';
import { directiveDeadlines } from './modules/directives/directive-deadlines.js';
import type { Directives } from './modules/directives/directives.module.js';
import { dutyDeadlines } from './modules/duty/duty-deadlines.js';
import type { RotationService } from './modules/duty/rotations.service.js';
import { incidentReportDeadlines } from './modules/incident-reports/incident-report-deadlines.js';
import type { IncidentReports } from './modules/incident-reports/incident-reports.module.js';
import { incidentDeadlines } from './modules/incidents/incident-deadlines.js';
import type { IncidentService } from './modules/incidents/incidents.service.js';
import { inspectionDeadlines } from './modules/inspections/inspection-deadlines.js';
import type { Inspections } from './modules/inspections/inspections.module.js';
import { letterDeadlines } from './modules/letters/letter-deadlines.js';
import { patrolDeadlines } from './modules/patrols/patrol-deadlines.js';
import type { PatrolPlanner } from './modules/patrols/patrol-planner.js';
import type { Supervision } from './modules/supervision/supervision.module.js';
import { visitorDeadlines } from './modules/visitors/visitor-deadlines.js';
import type { VisitorService } from './modules/visitors/visitors.service.js';

/** The parts of the app whose timers the engine fires. */
export interface DeadlineOwners {
  incidents: IncidentService;
  incidentReports: IncidentReports;
  visitors: VisitorService;
  cases: CaseService;
  rotations: RotationService;
  patrolPlanner: PatrolPlanner;
  inspections: Inspections;
  dailyReports: DailyReports;
  directives: Directives;
  supervision: Supervision;
}

/**
 * Every kind of deadline Steady fires, in one list, module by module: each module names its kinds
 * (`<module>.<what>`) and handlers in its `<noun>-deadlines.ts`, and the container registers this list
 * with the engine once, where a kind listed twice stops the start-up (as GoAlert's engine lists its
 * modules).
 */
export const deadlineKinds = (o: DeadlineOwners): DeadlineKind[] => [
  ...incidentDeadlines(o.incidents),
  ...incidentReportDeadlines(o.incidentReports.duties),
  ...visitorDeadlines(o.visitors),
  ...caseDeadlines(o.cases),
  ...dutyDeadlines(o.rotations),
  ...patrolDeadlines(o.patrolPlanner),
  ...inspectionDeadlines(o.inspections),
  ...dailyReportDeadlines(o.dailyReports.scheduler),
  ...directiveDeadlines(o.directives.deadlines),
  ...letterDeadlines(o.supervision.letterDeadlines),
];
