import type { IncidentType } from '../../../common/org.js';
import type { IncidentStatus } from '../../../common/schemas/incidents.js';
import type { ReportingAtAGlance } from '../../../common/schemas/incident-reports.js';
import type { AfterCommit, Executor } from '../../db/database.js';
import type { IncidentWithUnit } from './incidents.repository.js';

/** An incident as other modules see it: its facts and its unit, never its rows. */
export interface IncidentFacts {
  id: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  unitParentId: string | null;
  unitLocale: string;
  unitTimeZone: string;
  type: IncidentType;
  severity: number;
  place: string;
  description: string;
  occurredAt: string;
  reportedAt: string;
  status: IncidentStatus;
  drill: boolean;
}

export const factsOf = (row: IncidentWithUnit): IncidentFacts => ({
  id: row.id,
  unitId: row.unit_id,
  unitName: row.unit_name,
  unitPath: row.unit_path,
  unitParentId: row.unit_parent_id,
  unitLocale: row.unit_locale,
  unitTimeZone: row.unit_time_zone,
  type: row.type,
  severity: row.severity,
  place: row.place,
  description: row.description,
  occurredAt: row.occurred_at,
  reportedAt: row.reported_at,
  status: row.status,
  drill: row.drill === 1,
});

/** Called inside the transaction that reported the incident or changed its status (`status` is the new one). */
export type IncidentMoment = (
  tx: Executor,
  afterCommit: AfterCommit,
  incident: IncidentFacts,
  now: Date,
) => Promise<void>;
/** What the board shows of each incident's staged reports. */
export type ReportingGlance = (db: Executor, incidentIds: string[]) => Promise<Map<string, ReportingAtAGlance>>;

/**
 * The moments other modules act on, registered in the container, so that incidents need not know
 * them: the staged reports open their deadlines when an incident is reported and its final report's
 * when it is under control.
 */
export class IncidentHooks {
  private readonly reported: IncidentMoment[] = [];
  private readonly statusChanged: IncidentMoment[] = [];
  private glance: ReportingGlance | null = null;

  onReported(moment: IncidentMoment): void {
    this.reported.push(moment);
  }

  onStatusChanged(moment: IncidentMoment): void {
    this.statusChanged.push(moment);
  }

  showReporting(glance: ReportingGlance): void {
    this.glance = glance;
  }

  async fireReported(tx: Executor, afterCommit: AfterCommit, incident: IncidentWithUnit, now: Date): Promise<void> {
    for (const moment of this.reported) await moment(tx, afterCommit, factsOf(incident), now);
  }

  async fireStatusChanged(
    tx: Executor,
    afterCommit: AfterCommit,
    incident: IncidentWithUnit,
    now: Date,
  ): Promise<void> {
    for (const moment of this.statusChanged) await moment(tx, afterCommit, factsOf(incident), now);
  }

  reportingOf(db: Executor, incidentIds: string[]): Promise<Map<string, ReportingAtAGlance>> {
    return this.glance && incidentIds.length ? this.glance(db, incidentIds) : Promise.resolve(new Map());
  }
}
