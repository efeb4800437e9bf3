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
import { newIdempotencyKey, sendOrQueue } from '../../offline/index.js';

export type { CheckIn, CheckInResult, Checkpoint, Patrol, PatrolNight, PatrolNow, PatrolSummary };

/** Where check-ins go (below /api/v1): the outbox's waiting check-ins are those to this path. */
export const CHECK_IN_PATH = '/patrol-check-ins';

type QueuedCheckInFields = Pick<CheckInBody, 'code'> | Pick<CheckInBody, 'unitId' | 'checkpointId'>;

/** A check-in given to the outbox: sent or waiting on the phone, with the body that goes (again). */
export interface QueuedCheckIn {
  outcome: 'sent' | 'queued';
  body: QueuedCheckInFields & { checkedInAt: string; clientKey: string };
}

export const patrolsApi = {
  now: (unitId: string) => http.get<PatrolNow>(`/units/${unitId}/patrols/now`),
  night: (unitId: string, night?: string) => http.get<PatrolNight>(`/units/${unitId}/patrols`, { night }),
  summary: (unitId: string) => http.get<PatrolSummary>(`/units/${unitId}/patrol-summary`),
  start: (unitId: string) => http.post<Patrol>(`/units/${unitId}/patrols`),
  checkIn: (body: Partial<CheckInBody>) => http.post<CheckInResult>('/patrol-check-ins', body),
  /**
   * A check-in now, or kept on the phone until the network returns. Its time is the phone's, so a late
   * send keeps when the point was reached; its key makes a second send harmless (the server answers the
   * stored check-in), which is how a sent one's result is read back.
   */
  checkInOrQueue: async (body: QueuedCheckInFields, label: string): Promise<QueuedCheckIn> => {
    const key = newIdempotencyKey();
    const sent: QueuedCheckIn['body'] = { ...body, checkedInAt: new Date().toISOString(), clientKey: key };
    const outcome = await sendOrQueue({ key, method: 'POST', path: CHECK_IN_PATH, body: sent, label });
    return { outcome, body: sent };
  },
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
