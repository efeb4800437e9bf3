import type { z } from 'zod';
import { diffContent } from '../../../common/report-diff.js';
import type {
  InboxItem,
  ReportDuty,
  ReportExchange,
  ReportSummary,
  ReportVersion,
  ReportView,
} from '../../../common/schemas/incident-reports.js';
import type { IncidentFacts } from '../incidents/incident-hooks.js';
import type {
  exchangesOf,
  IncidentReportDutyRow,
  IncidentReportVersionRow,
  ReportWithUnits,
} from './incident-reports.repository.js';
import { contentOf } from './incident-reports.service.js';

type DutyRow = IncidentReportDutyRow & { unit_name: string };
type ExchangeRow = Awaited<ReturnType<typeof exchangesOf>>[number];

export const presentDuty = (d: DutyRow): z.infer<typeof ReportDuty> => ({
  id: d.id,
  kind: d.kind,
  seq: d.seq,
  unitName: d.unit_name,
  dueAt: d.due_at,
  state: d.state,
  late: d.late === 1,
  metAt: d.met_at,
  reportId: d.report_id,
});

/**
 * The open deadlines a report answers: its own (forwarding, corrections, a 补报), or, while it is
 * not yet sent, the open deadline of its stage.
 */
function dutiesFor(r: ReportWithUnits, duties: DutyRow[]): DutyRow[] {
  const own = duties.filter((d) => d.report_id === r.id);
  const open = own.filter((d) => d.state === 'open');
  if (open.length || r.first_sent_at || r.forwarded_from_id) return open;
  return duties
    .filter((d) => d.unit_id === r.unit_id && d.report_id === null && d.state === 'open' && d.kind === r.stage)
    .slice(0, 1);
}

export function presentSummary(
  r: ReportWithUnits,
  versions: IncidentReportVersionRow[],
  duties: DutyRow[],
): z.infer<typeof ReportSummary> {
  const open = dutiesFor(r, duties);
  const sent = versions.filter((v) => v.report_id === r.id && v.sent_at).pop();
  return {
    id: r.id,
    incidentId: r.incident_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    toUnitId: r.to_unit_id,
    toUnitName: r.to_unit_name,
    stage: r.stage,
    seq: r.seq,
    state: r.state,
    reception: r.reception,
    version: r.current_version,
    sentAt: sent?.sent_at ?? null,
    dueAt: open.map((d) => d.due_at).sort()[0] ?? null,
    late: open.some((d) => d.late === 1) || duties.some((d) => d.report_id === r.id && d.late === 1),
  };
}

export function presentVersions(
  versions: IncidentReportVersionRow[],
  names: Map<string, string>,
): z.infer<typeof ReportVersion>[] {
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return versions.map((v, i) => {
    const content = contentOf(v.content_json);
    const before = versions[i - 1];
    return {
      version: v.version,
      content,
      editedBy: name(v.edited_by_person_id),
      updatedAt: v.updated_at,
      signedOffBy: name(v.signed_off_by_person_id),
      signedOffAs: v.signed_off_as,
      signedOffAt: v.signed_off_at,
      sentBy: name(v.sent_by_person_id),
      sentAt: v.sent_at,
      changes: before ? diffContent(contentOf(before.content_json), content) : [],
    };
  });
}

export const presentExchange = (x: ExchangeRow): z.infer<typeof ReportExchange> => ({
  id: x.id,
  kind: x.kind,
  version: x.version,
  at: x.at,
  unitName: x.unit_name,
  personName: x.person_name,
  reason: x.reason,
  dueAt: x.due_at,
});

export interface ReportBundle {
  report: ReportWithUnits;
  incident: IncidentFacts;
  versions: IncidentReportVersionRow[];
  exchanges: ExchangeRow[];
  duties: DutyRow[];
  names: Map<string, string>;
  forwardedFrom: ReportWithUnits | undefined;
  forwardedAs: ReportWithUnits | undefined;
  missing: string[];
  can: ReportView['can'];
}

export function presentReport(b: ReportBundle): ReportView {
  const lastReturn = b.exchanges.filter((x) => x.kind === 'returned').pop();
  const link = (r: ReportWithUnits | undefined) => (r ? { id: r.id, unitName: r.unit_name } : null);
  return {
    ...presentSummary(b.report, b.versions, b.duties),
    incident: {
      type: b.incident.type,
      severity: b.incident.severity,
      place: b.incident.place,
      status: b.incident.status,
      occurredAt: b.incident.occurredAt,
      unitName: b.incident.unitName,
    },
    versions: presentVersions(b.versions, b.names),
    exchanges: b.exchanges.map(presentExchange),
    duties: b.duties
      .filter((d) => d.report_id === b.report.id || dutiesFor(b.report, b.duties).includes(d))
      .map(presentDuty),
    forwardedFrom: link(b.forwardedFrom),
    forwardedAs: link(b.forwardedAs),
    missing: b.missing,
    returnReason: b.report.reception === 'returned' ? (lastReturn?.reason ?? null) : null,
    can: b.can,
  };
}

export const presentInboxItem = (
  r: ReportWithUnits & { incident_type: string; incident_severity: number; incident_place: string },
  versions: IncidentReportVersionRow[],
  duties: DutyRow[],
  mine: boolean,
): z.infer<typeof InboxItem> => ({
  ...presentSummary(r, versions, duties),
  incidentType: r.incident_type as z.infer<typeof InboxItem>['incidentType'],
  severity: r.incident_severity,
  place: r.incident_place,
  mine,
});
