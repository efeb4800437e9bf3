import type {
  ReleaseCheck,
  ReleaseResult,
  Reunification,
  ReunificationBody,
  ReunificationCounts,
  ReunificationSummary,
  WaitingPupil,
} from '../../../common/schemas/reunification.js';
import { ApiError, http } from '../../api/client.js';

export type { ReleaseCheck, ReleaseResult, Reunification, ReunificationSummary, WaitingPupil };

const base = (id: string) => `/reunifications/${id}`;
export const releasesPath = (id: string) => `${base(id)}/releases`;
export const absencesPath = (id: string) => `${base(id)}/absences`;
/** The names under which the phone keeps a reunification and its children (forgotten on close). */
export const cacheKeys = (id: string) => [`reunification:${id}`, `reunification:${id}:pupils`] as const;

export const reunificationApi = {
  list: (unitId: string) => http.get<ReunificationSummary[]>('/reunifications', { unitId }),
  open: (body: ReunificationBody) => http.post<Reunification>('/reunifications', body),
  get: (id: string) => http.get<Reunification>(base(id)),
  search: (id: string, q: string) => http.get<WaitingPupil[]>(`${base(id)}/pupils`, { q }),
  /** Every child of the school with check values, kept on the phone while the reunification is open. */
  all: (id: string) => http.get<WaitingPupil[]>(`${base(id)}/pupils`, { all: '1' }),
  release: (id: string, pupilId: string, adult: { name: string; mobile: string; idLast4: string }) =>
    http.post<ReleaseResult>(`${base(id)}/releases`, { pupilId, adult }),
  absent: (id: string, pupilId: string) => http.post<ReunificationCounts>(`${base(id)}/absences`, { pupilId }),
  close: (id: string) => http.post<void>(`${base(id)}/close`),
};

/** A refusal answers 422 `release-refused`, naming the checks that failed (`adult.name`…). */
export function refusedChecks(error: unknown): ReleaseCheck[] | null {
  if (!(error instanceof ApiError) || error.status !== 422 || !error.problem.type.endsWith('release-refused'))
    return null;
  return (error.problem.errors ?? []).map((e) => e.field.replace(/^adult\./, '') as ReleaseCheck);
}
