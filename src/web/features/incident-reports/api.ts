import type { z } from 'zod';
import type {
  Casualties,
  IncidentReporting,
  InboxItem as InboxItemSchema,
  ReportContent,
  ReportStage,
  ReportView,
  VerbalReportBody,
} from '../../../common/schemas/incident-reports.js';
import type { Page } from '../../../common/schemas/shared.js';
import { http } from '../../api/client.js';

export type { Casualties, IncidentReporting, ReportContent, ReportStage, ReportView };
export type InboxItem = z.infer<typeof InboxItemSchema>;
export type VerbalInput = z.input<typeof VerbalReportBody>;

const report = (id: string) => `/incident-reports/${id}`;

export const reportsApi = {
  reporting: (incidentId: string) => http.get<IncidentReporting>(`/incidents/${incidentId}/reporting`),
  start: (incidentId: string, stage: ReportStage) =>
    http.post<ReportView>(`/incidents/${incidentId}/reports`, { stage }),
  verbal: (incidentId: string, body: VerbalInput) =>
    http.post<IncidentReporting>(`/incidents/${incidentId}/verbal-report`, body),
  casualties: (incidentId: string, casualties: Casualties, note: string) =>
    http.post<IncidentReporting>(`/incidents/${incidentId}/casualties`, { casualties, note }),
  inbox: (query: { open?: boolean; page?: number; pageSize?: number }) =>
    http.get<Page<InboxItem>>('/incident-reports/inbox', { ...query, open: query.open ? 'true' : undefined }),
  get: (id: string) => http.get<ReportView>(report(id)),
  edit: (id: string, content: ReportContent) => http.patch<ReportView>(report(id), { content }),
  submit: (id: string) => http.post<ReportView>(`${report(id)}/submit`),
  signOff: (id: string) => http.post<ReportView>(`${report(id)}/sign-off`),
  send: (id: string) => http.post<ReportView>(`${report(id)}/send`),
  accept: (id: string) => http.post<ReportView>(`${report(id)}/accept`),
  returnForMore: (id: string, reason: string, dueAt: string) =>
    http.post<ReportView>(`${report(id)}/return`, { reason, dueAt }),
  forward: (id: string) => http.post<ReportView>(`${report(id)}/forward`),
  docxUrl: (id: string, version?: number) => `/api/v1${report(id)}/report.docx${version ? `?version=${version}` : ''}`,
  archiveUrl: (incidentId: string) => `/api/v1/incidents/${incidentId}/reports.docx`,
};
