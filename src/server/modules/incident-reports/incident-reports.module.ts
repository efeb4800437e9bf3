import type { Notifier } from '../../notify/notifier.js';
import type { LiveBus } from '../../notify/live-bus.js';
import type { IncidentHooks } from '../incidents/incident-hooks.js';
import { IncidentReportService } from './incident-reports.service.js';
import { ReportQueries } from './incident-reports.queries.js';
import type { ReportDeps } from './report-context.js';
import { ReportDuties } from './report-duties.js';
import { ReportNotices } from './report-notices.js';
import { ReportReceptionService } from './report-reception.service.js';
import { ReportRecordsService } from './report-records.service.js';

/** The staged-reports module's parts: the unit's side, the receiving side, recorded facts, reads, deadlines. */
export interface IncidentReports {
  service: IncidentReportService;
  reception: ReportReceptionService;
  records: ReportRecordsService;
  queries: ReportQueries;
  duties: ReportDuties;
}

export type IncidentReportDeps = Omit<ReportDeps, 'notices'> & { notifier: Notifier; bus: LiveBus };

/**
 * Builds the module and hooks it to incidents: a reported incident opens its reporting deadlines, a
 * status change the final report's, and the board shows each incident's reporting at a glance. Its
 * deadline handlers are registered by the container (`incidentReportDeadlines`).
 */
export function createIncidentReports(deps: IncidentReportDeps, hooks: IncidentHooks): IncidentReports {
  const d: ReportDeps = { ...deps, notices: new ReportNotices(deps.notifier, deps.bus) };
  const duties = new ReportDuties(d);
  const service = new IncidentReportService(d, duties);
  const reception = new ReportReceptionService(d, service, duties);
  const records = new ReportRecordsService(d, service, duties);
  const queries = new ReportQueries(d, records);
  hooks.onReported((tx, afterCommit, incident, now) => duties.incidentReported(tx, incident, now));
  hooks.onStatusChanged((tx, afterCommit, incident, now) => duties.statusChanged(tx, incident, now));
  hooks.showReporting(queries.glance);
  return { service, reception, records, queries, duties };
}
