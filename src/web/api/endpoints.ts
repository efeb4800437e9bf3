import type { Me, SetupBody } from '../../common/schemas/auth.js';
import type { CreatePersonBody, Person, UpdatePersonBody } from '../../common/schemas/people.js';
import type { PlanContent, SpecialPeriod } from '../../common/schemas/plan-content.js';
import type {
  PlanDiff as PlanDiffSchema,
  PlanSummary as PlanSummarySchema,
  PlanVersion,
  PublishedPlan,
  RulesInForceView,
  TemplateId,
} from '../../common/schemas/plans.js';
import type { Page } from '../../common/schemas/shared.js';
import type { CreateUnitBody, Unit, UnitToday, UpdateUnitBody } from '../../common/schemas/units.js';
import type { z } from 'zod';
import type { Locale } from '../../common/locale.js';
import type { Role } from '../../common/org.js';
import { http, request } from './client.js';

/** Bodies as the web sends them: zod defaults are applied by the server. */
export type NewPerson = Omit<CreatePersonBody, 'roles'> & { roles?: CreatePersonBody['roles'] };

export const setupApi = {
  status: () => http.get<{ needed: boolean }>('/setup'),
  run: (body: SetupBody) => http.post<Me>('/setup', body),
};

export const authApi = {
  me: () => http.get<Me>('/auth/me'),
  login: (username: string, password: string) => http.post<Me>('/auth/login', { username, password }),
  logout: () => http.post<void>('/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<void>('/auth/password', { currentPassword, newPassword }),
  /** The language one is written to in; null for one's unit's. */
  setLanguage: (language: Locale | null) => request<void>('PUT', '/me/language', { body: { language } }),
};

export interface UnitQuery {
  roots?: boolean;
  parentId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const unitsApi = {
  list: (query: UnitQuery) => http.get<Page<Unit>>('/units', { ...query, roots: query.roots ? 'true' : undefined }),
  get: (id: string) => http.get<Unit>(`/units/${id}`),
  /** The unit's date today in its own zone, from the server's clock. */
  today: (id: string) => http.get<UnitToday>(`/units/${id}/today`),
  create: (body: CreateUnitBody) => http.post<Unit>('/units', body),
  update: (id: string, body: UpdateUnitBody) => http.patch<Unit>(`/units/${id}`, body),
  move: (id: string, parentId: string) => http.post<Unit>(`/units/${id}/move`, { parentId }),
};

export interface PeopleQuery {
  unitId?: string;
  subtree?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const peopleApi = {
  list: (query: PeopleQuery) =>
    http.get<Page<Person>>('/people', {
      ...query,
      subtree: query.unitId ? String(query.subtree ?? true) : undefined,
    }),
  get: (id: string) => http.get<Person>(`/people/${id}`),
  create: (body: NewPerson) => http.post<Person>('/people', body),
  update: (id: string, body: UpdatePersonBody) => http.patch<Person>(`/people/${id}`, body),
  addRole: (id: string, unitId: string, role: Role, reason?: string) =>
    http.post<Person>(`/people/${id}/roles`, { unitId, role, ...(reason?.trim() ? { reason: reason.trim() } : {}) }),
  removeRole: (id: string, roleId: string, reason?: string) =>
    http.delete<Person>(
      `/people/${id}/roles/${roleId}${reason?.trim() ? `?reason=${encodeURIComponent(reason.trim())}` : ''}`,
    ),
  createAccount: (id: string, username: string, password: string) =>
    http.post<Person>(`/people/${id}/account`, { username, password }),
  resetPassword: (id: string, password: string, mustChange: boolean) =>
    http.post<void>(`/people/${id}/password`, { password, mustChange }),
};

export interface PlanQuery {
  unitId?: string;
  subtree?: boolean;
  page?: number;
  pageSize?: number;
}

/** One line of a plan's version history. */
export interface PlanVersionInfo {
  version: number;
  status: PlanVersion['status'];
  title: string;
  createdAt: string;
  publishedAt: string | null;
}

export interface NewPlan {
  unitId: string;
  template: TemplateId;
  locale?: Locale;
  period?: SpecialPeriod;
}

export interface DraftChanges {
  title?: string;
  period?: SpecialPeriod;
  coversSubUnits?: boolean;
  /** The whole content: the server replaces it. */
  content?: PlanContent;
}

/** Which plan is in force for a unit now, and the rules it sets. */
export type RulesInForce = z.infer<typeof RulesInForceView>;
export type PlanSummary = z.infer<typeof PlanSummarySchema>;
export type PlanDiff = z.infer<typeof PlanDiffSchema>;

/** Addresses the browser opens itself (download, new tab), outside the JSON client. */
const versionPath = (id: string, version: number) => `/api/v1/plans/${id}/versions/${version}`;

export const plansApi = {
  list: (query: PlanQuery) =>
    http.get<Page<PlanSummary>>('/plans', {
      ...query,
      subtree: query.unitId ? String(query.subtree ?? true) : undefined,
    }),
  create: (body: NewPlan) => http.post<PlanVersion>('/plans', body),
  get: (id: string) => http.get<PlanVersion>(`/plans/${id}`),
  versions: (id: string) => http.get<PlanVersionInfo[]>(`/plans/${id}/versions`),
  version: (id: string, version: number) => http.get<PlanVersion>(`/plans/${id}/versions/${version}`),
  updateDraft: (id: string, body: DraftChanges) => http.patch<PlanVersion>(`/plans/${id}/draft`, body),
  startRevision: (id: string) => http.post<PlanVersion>(`/plans/${id}/revisions`),
  publish: (id: string) => http.post<PublishedPlan>(`/plans/${id}/publish`),
  diff: (id: string, from: number, to: number) => http.get<PlanDiff>(`/plans/${id}/diff`, { from, to }),
  rules: (unitId: string) => http.get<RulesInForce>(`/units/${unitId}/rules`),
  docxUrl: (id: string, version: number) => `${versionPath(id, version)}/document.docx`,
  printUrl: (id: string, version: number) => `${versionPath(id, version)}/print`,
};
