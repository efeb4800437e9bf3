import { http } from '../../api/client.js';

/*
 * The roll call's shapes as the server answers them (modules/roll-calls). A mark is one tap on a
 * phone: its key is made on the device, so a mark sent twice (a retry, the outbox after a cut) is
 * stored once; its `markedAt` is the tap's time, so the latest tap wins whatever order they arrive in.
 */

export const MARK_STATUSES = ['present', 'missing', 'injured', 'absent'] as const;
export type MarkStatus = (typeof MARK_STATUSES)[number];
export type GroupKind = 'class' | 'staff' | 'visitors';

export interface RollCallCounts {
  total: number;
  accounted: number;
  missing: number;
  notReported: number;
}

export interface RollCallGroup {
  groupKey: string;
  kind: GroupKind;
  name: string;
  teacherName: string | null;
  total: number;
  present: number;
  injured: number;
  absent: number;
  missing: number;
  notReported: number;
  reportedAt: string | null;
  /** The reader's own class (their phone's list). */
  mine: boolean;
}

export interface RollCall {
  id: string;
  unitId: string;
  unitName: string;
  drillId: string | null;
  incidentId: string | null;
  state: 'open' | 'closed';
  startedAt: string;
  startedByName: string | null;
  targetSeconds: number | null;
  completedAt: string | null;
  evacuationSeconds: number | null;
  closedAt: string | null;
  counts: RollCallCounts;
  groups: RollCallGroup[];
}

export interface MarkHistory {
  status: MarkStatus;
  markedAt: string;
  markedByName: string | null;
}

export interface Subject {
  subjectId: string;
  kind: string;
  name: string;
  status: MarkStatus | null;
  markedAt: string | null;
  markedByName: string | null;
  history: MarkHistory[];
}

export interface GroupList {
  groupKey: string;
  name: string;
  subjects: Subject[];
}

/** One tap: made on the device, sent now or when the network returns. */
export interface Mark {
  key: string;
  subjectId: string;
  status: MarkStatus;
  markedAt: string;
}

export interface StartRollCall {
  unitId: string;
  drillId?: string;
  incidentId?: string;
  targetSeconds?: number;
}

export const rollCallsApi = {
  list: (unitId: string, state?: 'open' | 'closed') =>
    http.get<{ items: RollCall[] }>('/roll-calls', { unitId, state }),
  get: (id: string) => http.get<RollCall>(`/roll-calls/${id}`),
  group: (id: string, groupKey: string) =>
    http.get<GroupList>(`/roll-calls/${id}/groups/${encodeURIComponent(groupKey)}`),
  start: (body: StartRollCall) => http.post<RollCall>('/roll-calls', body),
  close: (id: string) => http.post<RollCall>(`/roll-calls/${id}/close`),
};

/** Where a group's marks are posted (through the outbox, so the path is all it needs). */
export const marksPath = (rollCallId: string) => `/roll-calls/${rollCallId}/marks`;
