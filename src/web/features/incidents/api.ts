import type { z } from 'zod';
import type {
  AfterActionReport,
  Incident,
  IncidentPrinciples as IncidentPrinciplesSchema,
  IncidentStatus,
  IncidentSummary as IncidentSummarySchema,
  ReportIncidentBody,
} from '../../../common/schemas/incidents.js';
import type { Page, Problem } from '../../../common/schemas/shared.js';
import type { Locale } from '../../../common/locale.js';
import { ApiError, http } from '../../api/client.js';

export type { Incident, IncidentStatus };
export type IncidentSummary = z.infer<typeof IncidentSummarySchema>;
export type BoardDeadline = IncidentSummary['deadlines'][number];
export type IncidentPrinciples = z.infer<typeof IncidentPrinciplesSchema>;
export type IncidentStep = Incident['steps'][number];
export type IncidentFlag = Incident['flags'][number];
export type IncidentEvent = Incident['events'][number];
export type NewIncident = Omit<ReportIncidentBody, 'drill'> & { drill?: boolean };
/** The after-action report as the form sends it (the server fills in defaults). */
export type AfterActionInput = AfterActionReport;
export interface Photo {
  id: string;
  mime: string;
  size: number;
  createdAt: string;
}

export interface BoardQuery {
  open?: boolean;
  unitId?: string;
  page?: number;
  pageSize?: number;
}

const base = (id: string) => `/incidents/${id}`;

export const incidentsApi = {
  board: (query: BoardQuery) =>
    http.get<Page<IncidentSummary>>('/incidents', { ...query, open: query.open ? 'true' : undefined }),
  report: (body: NewIncident) => http.post<Incident>('/incidents', body),
  principles: (unitId: string) => http.get<IncidentPrinciples>('/incidents/principles', { unitId }),
  get: (id: string) => http.get<Incident>(base(id)),
  acknowledge: (id: string, stepId: string) => http.post<void>(`${base(id)}/steps/${stepId}/acknowledge`),
  fileReport: (id: string, stepId: string, text: string) =>
    http.post<void>(`${base(id)}/steps/${stepId}/report`, { text }),
  post: (id: string, kind: 'comment' | 'update', text: string) => http.post<void>(`${base(id)}/events`, { kind, text }),
  setStatus: (id: string, status: Exclude<IncidentStatus, 'reported' | 'closed'>) =>
    http.post<void>(`${base(id)}/status`, { status }),
  explainFlag: (id: string, flagId: string, text: string) =>
    http.post<void>(`${base(id)}/flags/${flagId}/notes`, { text }),
  close: (id: string, report: AfterActionInput) => http.post<void>(`${base(id)}/close`, { report }),
  photoUrl: (id: string, photoId: string) => `/api/v1${base(id)}/photos/${photoId}`,
  capUrl: (id: string, lang?: string) => `/api/v1${base(id)}/cap.xml${lang ? `?lang=${lang}` : ''}`,
  afterActionUrl: (id: string, lang?: string) => `/api/v1${base(id)}/after-action.docx${lang ? `?lang=${lang}` : ''}`,
};

/**
 * Sends one photo as multipart/form-data (field `photo`), reporting upload progress (0–1).
 * XMLHttpRequest rather than fetch: fetch cannot tell how much of a body has gone.
 */
export function uploadPhoto(
  incidentId: string,
  file: File,
  auth: { csrfToken: string; locale: Locale },
  onProgress?: (fraction: number) => void,
): Promise<Photo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${base(incidentId)}/photos`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', auth.locale);
    xhr.setRequestHeader('x-csrf-token', auth.csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve(body as Photo);
        return;
      }
      const problem = (body ?? {}) as Partial<Problem>;
      reject(
        new ApiError({
          type: problem.type ?? 'about:blank',
          title: problem.title ?? (xhr.statusText || `HTTP ${xhr.status}`),
          status: xhr.status,
          ...(problem.detail ? { detail: problem.detail } : {}),
          ...(problem.errors ? { errors: problem.errors } : {}),
        }),
      );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: 'network',
          title: auth.locale === 'en' ? 'The server cannot be reached' : '无法连接服务器',
          status: 0,
        }),
      );
    const form = new FormData();
    form.append('photo', file, file.name);
    xhr.send(form);
  });
}
