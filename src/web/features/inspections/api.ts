import type { z } from 'zod';
import type { Role } from '../../../common/org.js';
import type { Page } from '../../../common/schemas/shared.js';
import type {
  Checklist as ChecklistSchema,
  ChecklistSummary as ChecklistSummarySchema,
  Inspection as InspectionSchema,
  LedgerQuery as LedgerQuerySchema,
  LedgerRow as LedgerRowSchema,
  Schedule as ScheduleSchema,
  Task as TaskSchema,
  TemplateView,
} from '../../../common/schemas/inspections.js';
import { http } from '../../api/client.js';

/*
 * The inspections API as the screens use it. Only types come from the server's schemas (type
 * imports vanish from the bundle), so no zod reaches the browser.
 */

export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistItem = Checklist['items'][number];
export type ChecklistSummary = z.infer<typeof ChecklistSummarySchema>;
export type Template = z.infer<typeof TemplateView>;
export type Schedule = z.infer<typeof ScheduleSchema>;
export type Inspection = z.infer<typeof InspectionSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type LedgerRow = z.infer<typeof LedgerRowSchema>;
export type LedgerQuery = Partial<Omit<z.infer<typeof LedgerQuerySchema>, 'page' | 'pageSize'>> & {
  page?: number;
  pageSize?: number;
};
export type Risk = Task['risk'];
export type TaskState = Task['state'];
export type Result = Inspection['results'][number]['result'];
export type Cadence = Schedule['cadence'];

/* Mirrors of the schema's lists (importing values would bring zod); the types keep them in step. */
export const RISKS: readonly Risk[] = ['low', 'medium', 'high', 'major'];
export const STATES: readonly TaskState[] = ['open', 'awaiting_verification', 'reopened', 'closed'];
export const RESULTS: readonly Result[] = ['pass', 'fail', 'na'];
export const CADENCES: readonly Cadence[] = ['weekly', 'monthly', 'termly'];

export interface ItemEdit {
  code?: string;
  text: string;
  guidance?: string;
  risk: Risk;
  fixDays: number;
}

export interface AnswerInput {
  itemCode: string;
  result: Result;
  note?: string;
  photoIds?: string[];
  task?: { ownerPersonId?: string; dueAt?: string; risk?: Risk };
}

export interface NewSchedule {
  unitId: string;
  checklistId: string;
  cadence: Cadence;
  role: Role;
  nextDueDate: string;
}

export interface Photo {
  id: string;
  mime: string;
  size: number;
  createdAt: string;
}

export const inspectionsApi = {
  templates: (unitId: string) => http.get<Template[]>('/checklist-templates', { unitId }),
  checklists: (unitId: string) => http.get<ChecklistSummary[]>('/checklists', { unitId }),
  checklist: (id: string) => http.get<Checklist>(`/checklists/${id}`),
  copyTemplate: (unitId: string, templateId: Template['id']) =>
    http.post<Checklist>('/checklists', { unitId, templateId }),
  updateChecklist: (id: string, body: { name?: string; items?: ItemEdit[] }) =>
    http.patch<Checklist>(`/checklists/${id}`, body),
  schedules: (unitId: string) => http.get<Schedule[]>('/inspection-schedules', { unitId }),
  addSchedule: (body: NewSchedule) => http.post<Schedule>('/inspection-schedules', body),
  updateSchedule: (id: string, body: Partial<Omit<NewSchedule, 'unitId' | 'checklistId'>> & { active?: boolean }) =>
    http.patch<void>(`/inspection-schedules/${id}`, body),
  removeSchedule: (id: string) => http.delete<void>(`/inspection-schedules/${id}`),
  submit: (body: { checklistId: string; note?: string; answers: AnswerInput[] }) =>
    http.post<Inspection>('/inspections', body),
  runs: (unitId: string, page = 1, pageSize = 10) =>
    http.get<Page<Omit<Inspection, 'results'>>>('/inspections', { unitId, page, pageSize }),
  ledger: (query: LedgerQuery) => http.get<Page<LedgerRow>>('/rectification-ledger', query),
  ledgerExportUrl: (query: LedgerQuery) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== '' && key !== 'page' && key !== 'pageSize') params.set(key, String(value));
    return `/api/v1/rectification-ledger/export.xlsx?${params.toString()}`;
  },
  task: (id: string) => http.get<Task>(`/rectification-tasks/${id}`),
  reportFixed: (id: string, body: { note?: string; photoIds: string[] }) =>
    http.post<Task>(`/rectification-tasks/${id}/report-fixed`, body),
  verify: (id: string, body: { decision: 'accept' | 'reject'; note?: string; photoIds?: string[]; dueAt?: string }) =>
    http.post<Task>(`/rectification-tasks/${id}/verify`, body),
  supervise: (id: string, note: string) => http.post<Task>(`/rectification-tasks/${id}/supervise`, { note }),
  updateTask: (id: string, body: { ownerPersonId?: string; dueAt?: string; risk?: Risk; title?: string }) =>
    http.patch<Task>(`/rectification-tasks/${id}`, body),
  photoUrl: (id: string) => `/api/v1/inspection-photos/${id}`,
};

/** Uploads one photo for the unit (multipart, field `photo`); the server checks it is an image. */
export async function uploadPhoto(unitId: string, file: File): Promise<Photo> {
  const form = new FormData();
  form.append('photo', file, file.name);
  return http.upload<Photo>('/inspection-photos', form, { unitId });
}
