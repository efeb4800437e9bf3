import type { z } from 'zod';
import type {
  Case as CaseSchema,
  CasePage as CasePageSchema,
  CaseStats as CaseStatsSchema,
  PublicCaseStatus as PublicSchema,
} from '../../../common/schemas/cases.js';
import { http } from '../../api/client.js';

export type Case = z.infer<typeof CaseSchema>;
export type CaseSummary = z.infer<typeof CasePageSchema>['items'][number];
export type CaseStats = z.infer<typeof CaseStatsSchema>;
export type PublicCaseStatus = z.infer<typeof PublicSchema>;
export type CaseCategory = Case['category'];
export type CaseStatus = Case['status'];
export type CaseParty = Case['parties'][number];

/*
 * Mirrors of the schema's lists: importing values from there would bring zod into the web bundle.
 * The types make the compiler notice if the lists drift apart.
 */
export const CATEGORY_LIST: readonly CaseCategory[] = [
  'neighbour',
  'wages',
  'housing_repair',
  'family',
  'property',
  'other',
];
export const STATUS_LIST: readonly CaseStatus[] = ['open', 'mediating', 'resolved', 'closed'];
/** The text limit of the schema's issue, notes, agreement and reason. */
export const TEXT_MAX = 5000;

export interface NewCase {
  unitId: string;
  category: CaseCategory;
  issue: string;
  ownerId: string;
  parties: CaseParty[];
}

export type Outcome =
  | { outcome: 'agreement'; agreementText: string; followUpDate?: string }
  | { outcome: 'no_agreement'; reason: string; followUpDate?: string };

export interface CaseQuery {
  unitId?: string;
  status?: CaseStatus;
  category?: CaseCategory;
  page?: number;
  pageSize?: number;
}

const base = (id: string) => `/cases/${id}`;

export const casesApi = {
  list: (query: CaseQuery) =>
    http.get<{ items: CaseSummary[]; page: number; pageSize: number; total: number }>('/cases', { ...query }),
  open: (body: NewCase) => http.post<Case & { publicToken: string }>('/cases', body),
  get: (id: string) => http.get<Case>(base(id)),
  addSession: (id: string, notes: string, at?: string) =>
    http.post<void>(`${base(id)}/sessions`, { notes, ...(at ? { at } : {}) }),
  recordOutcome: (id: string, outcome: Outcome) => http.post<void>(`${base(id)}/outcome`, outcome),
  close: (id: string) => http.post<void>(`${base(id)}/close`),
  reissueLink: (id: string) => http.post<{ publicToken: string }>(`${base(id)}/public-link`),
  stats: (unitId?: string) => http.get<CaseStats>('/cases/stats', { unitId }),
  publicStatus: (token: string) => http.get<PublicCaseStatus>(`/public/cases/${encodeURIComponent(token)}`),
};

/** The address the person who raised the case opens to follow it, without signing in. */
export const statusLink = (token: string) => `${window.location.origin}/case-status/${token}`;

export const STATUS_COLOURS: Record<CaseStatus, string> = {
  open: 'blue',
  mediating: 'gold',
  resolved: 'green',
  closed: 'default',
};
/** Bar colours of the statistics: still open, agreement, no agreement. */
export const OUTCOME_COLOURS = { open: '#2f6fb8', agreement: '#389e0d', noAgreement: '#d4580b' } as const;
