import type { z } from 'zod';
import type {
  CreatedFeed,
  CreateRotationBody,
  DutyPeople,
  Feed,
  Gaps,
  Generated,
  Handover,
  ImportResult,
  NextStepView,
  OnDutyNow,
  Rotation,
  Roster,
  Shift,
  Swap,
} from '../../../common/schemas/duty.js';
import type { Leave, RequestLeaveBody } from '../../../common/schemas/leave.js';
import type { Problem } from '../../../common/schemas/shared.js';
import type { Locale } from '../../../common/locale.js';
import { ApiError, http, request } from '../../api/client.js';

export type ShiftView = z.infer<typeof Shift>;
export type RosterView = z.infer<typeof Roster>;
export type SwapView = z.infer<typeof Swap>;
export type HandoverView = z.infer<typeof Handover>;
export type OnDutyView = z.infer<typeof OnDutyNow>;
export type GapsView = z.infer<typeof Gaps>;
export type GapView = GapsView['gaps'][number];
export type RotationView = z.infer<typeof Rotation>;
export type DutyPerson = z.infer<typeof DutyPeople>[number];
export type FeedView = z.infer<typeof Feed>;
export type CreatedFeedView = z.infer<typeof CreatedFeed>;
export type LeaveView = z.infer<typeof Leave>;
export type NewRotation = Omit<z.input<typeof CreateRotationBody>, 'slots'> & {
  slots: { dutyLeaderId: string | null; staffIds: string[]; turns: number }[];
};
export type NewLeave = RequestLeaveBody;

export const dutyApi = {
  roster: (unitId: string, from: string, to: string) => http.get<RosterView>('/duty/roster', { unitId, from, to }),
  people: (unitId: string) => http.get<DutyPerson[]>('/duty/people', { unitId }),
  now: (unitId?: string) => http.get<OnDutyView>('/duty/now', { unitId }),
  gaps: (unitId: string, days: number) => http.get<GapsView>('/duty/gaps', { unitId, days }),
  nextStep: (unitId: string) => http.get<z.infer<typeof NextStepView>>('/duty/next-step', { unitId }),
  override: (shiftId: string, body: { dutyLeaderId: string | null; staffIds: string[]; reason: string }) =>
    request<ShiftView>('PUT', `/duty/shifts/${shiftId}/people`, { body }),
  writeHandover: (shiftId: string, happened: string, pending: string) =>
    http.post<HandoverView>(`/duty/shifts/${shiftId}/handover`, { happened, pending }),
  acknowledge: (handoverId: string) => http.post<HandoverView>(`/duty/handovers/${handoverId}/acknowledge`),
  swaps: (unitId: string) => http.get<SwapView[]>('/duty/swaps', { unitId }),
  proposeSwap: (body: { shiftId: string; withPersonId: string; otherShiftId: string | null; note: string }) =>
    http.post<SwapView>('/duty/swaps', body),
  answerSwap: (id: string, action: 'accept' | 'decline' | 'cancel') =>
    http.post<SwapView>(`/duty/swaps/${id}/${action}`),
  rotations: (unitId: string) => http.get<RotationView[]>('/duty/rotations', { unitId }),
  createRotation: (body: NewRotation) =>
    http.post<RotationView & { generated: z.infer<typeof Generated> }>('/duty/rotations', body),
  generate: (id: string) => http.post<z.infer<typeof Generated>>(`/duty/rotations/${id}/generate`, {}),
  stopRotation: (id: string) => http.post<{ removed: number }>(`/duty/rotations/${id}/stop`),
  feeds: () => http.get<FeedView[]>('/duty/feeds'),
  issueFeed: (unitId: string | null) => http.post<CreatedFeedView>('/duty/feeds', { unitId }),
  revokeFeed: (id: string) => http.delete<void>(`/duty/feeds/${id}`),
  exportUrl: (unitId: string, from: string, to: string) =>
    `/api/v1/duty/roster.xlsx?${new URLSearchParams({ unitId, from, to })}`,
};

export const leaveApi = {
  list: (query: { unitId?: string; state?: string } = {}) => http.get<LeaveView[]>('/leave', query),
  awayNow: (unitId?: string) => http.get<LeaveView[]>('/leave/away-now', { unitId }),
  request: (body: NewLeave) => http.post<LeaveView>('/leave', body),
  decide: (id: string, approve: boolean, note: string) =>
    http.post<LeaveView>(`/leave/${id}/${approve ? 'approve' : 'refuse'}`, { note }),
  cancel: (id: string) => http.post<LeaveView>(`/leave/${id}/cancel`),
};

/** Sends a roster spreadsheet as multipart/form-data (field `file`); problems come back as an ApiError. */
export async function importRoster(
  unitId: string,
  file: File,
  auth: { csrfToken: string; locale: Locale },
): Promise<z.infer<typeof ImportResult>> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/v1/duty/roster.xlsx?${new URLSearchParams({ unitId })}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': auth.locale, 'x-csrf-token': auth.csrfToken },
    });
  } catch {
    throw new ApiError({
      type: 'network',
      title: auth.locale === 'en' ? 'The server cannot be reached' : '无法连接服务器',
      status: 0,
    });
  }
  const body = (await response.json().catch(() => ({}))) as Partial<Problem>;
  if (!response.ok) {
    throw new ApiError({
      type: body.type ?? 'about:blank',
      title: body.title ?? response.statusText,
      status: response.status,
      ...(body.detail ? { detail: body.detail } : {}),
      ...(body.errors ? { errors: body.errors } : {}),
    });
  }
  return body as unknown as z.infer<typeof ImportResult>;
}
