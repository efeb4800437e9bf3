import type {
  CheckIn,
  CheckInBody,
  CheckInResult,
  Checkpoint,
  CheckpointBody,
  CheckpointList,
  CheckpointUpdate,
  Patrol,
  PatrolNight,
  PatrolNow,
  PatrolSummary,
} from '../../../common/schemas/patrols.js';
import type { Locale } from '../../../common/locale.js';
import { http, request } from '../../api/client.js';

export type { CheckIn, CheckInResult, Checkpoint, Patrol, PatrolNight, PatrolNow, PatrolSummary };

export const patrolsApi = {
  now: (unitId: string) => http.get<PatrolNow>(`/units/${unitId}/patrols/now`),
  night: (unitId: string, night?: string) => http.get<PatrolNight>(`/units/${unitId}/patrols`, { night }),
  summary: (unitId: string) => http.get<PatrolSummary>(`/units/${unitId}/patrol-summary`),
  start: (unitId: string) => http.post<Patrol>(`/units/${unitId}/patrols`),
  checkIn: (body: Partial<CheckInBody>) => http.post<CheckInResult>('/patrol-check-ins', body),
  checkpoints: (unitId: string) => http.get<CheckpointList>(`/units/${unitId}/patrol-checkpoints`),
  addCheckpoint: (body: CheckpointBody) => http.post<Checkpoint>('/patrol-checkpoints', body),
  updateCheckpoint: (id: string, body: CheckpointUpdate) => http.patch<Checkpoint>(`/patrol-checkpoints/${id}`, body),
  newCode: (id: string) => request<Checkpoint>('POST', `/patrol-checkpoints/${id}/new-code`, { body: {} }),
  sheetUrl: (unitId: string, locale: Locale) => `/api/v1/units/${unitId}/patrol-checkpoints/sheet?locale=${locale}`,
  photoUrl: (checkInId: string) => `/api/v1/patrol-check-ins/${checkInId}/photo`,
};

/** Sends a check-in's photo (multipart, field `photo`); the server checks by content that it is an image. */
export async function uploadCheckInPhoto(checkInId: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('photo', file, file.name);
  await http.upload<unknown>(`/patrol-check-ins/${checkInId}/photo`, form);
}
