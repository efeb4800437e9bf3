import type { z } from 'zod';
import { missingFields } from '../../../common/report-requirements.js';
import {
  REPORT_STAGES,
  type IncidentReporting,
  type InboxPage,
  type ReportingAtAGlance,
  type ReportStage,
  type ReportView,
  type VerbalReport,
} from '../../../common/schemas/incident-reports.js';
import type { Executor } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';
import type { IncidentFacts } from '../incidents/incident-hooks.js';
import { canSee, scopeRoots } from '../units/units.policy.js';
import { mayHandle, mayReceive, signerKind } from './incident-reports.policy.js';
import { presentDuty, presentInboxItem, presentReport, presentSummary } from './incident-reports.presenter.js';
import * as repo from './incident-reports.repository.js';
import { checkOrder, contentOf } from './incident-reports.service.js';
import { unitOf, type ReportDeps } from './report-context.js';
import type { ReportRecordsService } from './report-records.service.js';

const mayStart = (stage: ReportStage, own: repo.ReportWithUnits[], incident: IncidentFacts): boolean => {
  try {
    checkOrder(stage, own, incident);
    return true;
  } catch {
    return false;
  }
};

/** The reads: an incident's reporting, one report whole, the receiving units' inbox, the board's summary. */
export class ReportQueries {
  constructor(
    private readonly d: ReportDeps,
    private readonly records: ReportRecordsService,
  ) {}

  async reporting(actor: Actor, incidentId: string): Promise<IncidentReporting> {
    const db = this.d.db;
    const incident = await this.d.incidents.visible(actor, incidentId, db);
    const [reports, duties, verbal, changes, { rules }] = await Promise.all([
      repo.reportsOf(db, [incidentId]),
      repo.dutiesOf(db, [incidentId]),
      repo.verbalOf(db, incidentId, incident.unitId),
      repo.casualtyChangesOf(db, incidentId, incident.unitId),
      this.d.rules.forUnit(incident.unitId, this.d.clock.now(), db),
    ]);
    const shown = reports.filter((r) => canSee(actor, r.unit_path));
    const versions = await repo.versionsOf(
      db,
      shown.map((r) => r.id),
    );
    const own = reports.filter((r) => r.unit_id === incident.unitId && !r.forwarded_from_id);
    const notApplicable = incident.drill ? 'drill' : incident.unitParentId ? null : 'no_parent';
    const handler = mayHandle(actor, incident.unitId) && !notApplicable;
    return {
      incidentId,
      notApplicable,
      rules: rules.reportStages,
      verbal: verbal ? presentVerbal(verbal) : null,
      duties: duties
        .filter((x) => shown.some((r) => r.unit_id === x.unit_id) || x.unit_id === incident.unitId)
        .map(presentDuty),
      reports: shown.map((r) => presentSummary(r, versions, duties)),
      casualties: {
        current: (await this.records.currentCasualties(db, incident)).casualties,
        changes: changes.map((c) => ({
          at: c.at,
          by: c.person_name,
          note: c.note,
          casualties: JSON.parse(c.casualties_json),
          supplementId: c.supplement_report_id,
        })),
      },
      mayStart: handler ? REPORT_STAGES.filter((stage) => mayStart(stage, own, incident)) : [],
      mayRecord: handler,
    };
  }

  async report(actor: Actor, reportId: string): Promise<ReportView> {
    const db = this.d.db;
    const report = await repo.findReport(db, reportId);
    if (!report || !canSee(actor, report.unit_path)) throw notFound();
    const incident = await this.d.incidents.visible(actor, report.incident_id, db);
    const [versions, exchanges, duties, forwardedAs, forwardedFrom, toUnit, acting] = await Promise.all([
      repo.versionsOf(db, [report.id]),
      repo.exchangesOf(db, [report.id]),
      repo.dutiesOf(db, [report.incident_id]),
      repo.forwardOf(db, report.id),
      report.forwarded_from_id ? repo.findReport(db, report.forwarded_from_id) : Promise.resolve(undefined),
      unitOf(this.d, db, report.to_unit_id),
      this.d.heads.actingHeadFor(report.unit_id, this.d.clock.now(), db),
    ]);
    const names = await repo.personNames(
      db,
      versions.flatMap((v) => [v.edited_by_person_id, v.signed_off_by_person_id, v.sent_by_person_id]),
    );
    const current = versions.find((v) => v.version === report.current_version)!;
    const drafting = report.state === 'draft' || report.state === 'submitted';
    const handler = mayHandle(actor, report.unit_id);
    const closedFollowUp = report.stage === 'follow_up' && incident.status === 'closed';
    return presentReport({
      report,
      incident,
      versions,
      exchanges,
      duties: duties.filter((x) => x.unit_id === report.unit_id),
      names,
      forwardedFrom: forwardedFrom && canSee(actor, forwardedFrom.unit_path) ? forwardedFrom : undefined,
      forwardedAs: forwardedAs && canSee(actor, forwardedAs.unit_path) ? forwardedAs : undefined,
      missing: drafting
        ? missingFields(contentOf(current.content_json), report.stage, incident.type, incident.severity)
        : [],
      can: {
        edit: handler && drafting,
        submit: handler && report.state === 'draft',
        signOff: drafting && signerKind(actor, report.unit_id, acting) !== null,
        send: handler && report.state === 'signed_off' && !closedFollowUp,
        receive: mayReceive(actor, report.to_unit_id) && report.reception === 'received',
        forward:
          mayHandle(actor, report.to_unit_id) &&
          report.first_sent_at !== null &&
          !forwardedAs &&
          toUnit.parent_id !== null,
      },
    });
  }

  /** The incident's facts, for documents (dates in its unit's zone). */
  incident(actor: Actor, incidentId: string): Promise<IncidentFacts> {
    return this.d.incidents.visible(actor, incidentId, this.d.db);
  }

  /** Everything the archive document holds: the reporting and every report the actor may see, whole. */
  async archive(
    actor: Actor,
    incidentId: string,
  ): Promise<{ incident: IncidentFacts; reporting: IncidentReporting; reports: ReportView[]; now: Date }> {
    const reporting = await this.reporting(actor, incidentId);
    const reports = [];
    for (const summary of reporting.reports) reports.push(await this.report(actor, summary.id));
    return { incident: await this.incident(actor, incidentId), reporting, reports, now: this.d.clock.now() };
  }

  /** Reports sent to the actor's units and the units below them; each says whether the actor may answer it. */
  async inbox(
    actor: Actor,
    query: { page: number; pageSize: number; unitId?: string; open?: boolean },
  ): Promise<z.infer<typeof InboxPage>> {
    const db = this.d.db;
    const toUnitPath = query.unitId ? (await this.d.units.requireVisible(actor, query.unitId, db)).path : undefined;
    const { rows, total } = await repo.inbox(
      db,
      scopeRoots(actor),
      { toUnitPath, open: query.open ?? false },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    const incidentIds = [...new Set(rows.map((r) => r.incident_id))];
    const [versions, duties] = await Promise.all([
      repo.versionsOf(
        db,
        rows.map((r) => r.id),
      ),
      repo.dutiesOf(db, incidentIds),
    ]);
    const items = rows.map((r) =>
      presentInboxItem(r, versions, duties, mayReceive(actor, r.to_unit_id) && r.reception === 'received'),
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** For the board (no access check: the board has checked the incidents it lists). */
  glance = async (db: Executor, incidentIds: string[]): Promise<Map<string, ReportingAtAGlance>> => {
    const [reports, duties] = await Promise.all([repo.reportsOf(db, incidentIds), repo.dutiesOf(db, incidentIds)]);
    const versions = await repo.versionsOf(
      db,
      reports.filter((r) => r.first_sent_at).map((r) => r.id),
    );
    const map = new Map<string, ReportingAtAGlance>();
    for (const id of new Set([...reports.map((r) => r.incident_id), ...duties.map((x) => x.incident_id)])) {
      const sent = reports
        .filter((r) => r.incident_id === id && r.first_sent_at && !r.forwarded_from_id)
        .sort((a, b) => (a.first_sent_at! < b.first_sent_at! ? -1 : 1))
        .pop();
      const mine = duties.filter((x) => x.incident_id === id);
      const next = mine.filter((x) => x.state === 'open').sort((a, b) => (a.due_at < b.due_at ? -1 : 1))[0];
      map.set(id, {
        latest: sent
          ? {
              stage: sent.stage,
              seq: sent.seq,
              reception: sent.reception,
              classCode: classOf(sent, versions),
            }
          : null,
        next: next ? { kind: next.kind, seq: next.seq, dueAt: next.due_at, late: next.late === 1 } : null,
        late: mine.filter((x) => x.late === 1).length,
      });
    }
    return map;
  };
}

/** The class named by the latest version sent of a report. */
function classOf(report: repo.ReportWithUnits, versions: repo.IncidentReportVersionRow[]): string | null {
  const sent = versions.filter((v) => v.report_id === report.id && v.sent_at).pop();
  return sent ? contentOf(sent.content_json).classCode : null;
}

function presentVerbal(v: NonNullable<Awaited<ReturnType<typeof repo.verbalOf>>>): z.infer<typeof VerbalReport> {
  return {
    id: v.id,
    toUnitName: v.to_unit_name,
    toWhom: v.to_whom,
    channel: v.channel,
    at: v.at,
    summary: v.summary,
    recordedBy: v.recorded_by_name,
    recordedAt: v.recorded_at,
    late: v.late === 1,
    chainStepId: v.chain_step_id,
  };
}
