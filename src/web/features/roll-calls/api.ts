import type {
  MarkItem,
  RollCall,
  RollCallGroupList,
  RollCallSubject,
  StartRollCallBody,
} from '../../../common/schemas/roll-calls.js';
import type { Page } from '../../../common/schemas/shared.js';
import { http } from '../../api/client.js';

/*
 * The roll call's shapes as the server answers them (modules/roll-calls). A mark is one tap on a
 * phone: its key is made on the device, so a mark sent twice (a retry, the outbox after a cut) is
 * stored once; its `markedAt` is the tap's time, so the latest tap wins whatever order they arrive in.
 */

export { MARK_STATUSES } from '../../../common/schemas/roll-calls.js';
export type {
  GroupKind,
  MarkStatus,
  RollCall,
  RollCallCounts,
  RollCallGroup,
} from '../../../common/schemas/roll-calls.js';

export type Subject = RollCallSubject;
export type MarkHistory = Subject['history'][number];
export type GroupList = RollCallGroupList;
export type Mark = Pick<MarkItem, 'key' | 'subjectId' | 'status' | 'markedAt'>;
export type StartRollCall = Omit<StartRollCallBody, 'drillId' | 'incidentId'> & {
  drillId?: string;
  incidentId?: string;
};

export const rollCallsApi = {
  list: (unitId: string, state?: 'open' | 'closed', pageSize = 5) =>
    http.get<Page<RollCall>>('/roll-calls', { unitId, state, pageSize }),
  get: (id: string) => http.get<RollCall>(`/roll-calls/${id}`),
  group: (id: string, groupKey: string) =>
    http.get<GroupList>(`/roll-calls/${id}/groups/${encodeURIComponent(groupKey)}`),
  start: (body: StartRollCall) => http.post<RollCall>('/roll-calls', body),
  close: (id: string) => http.post<RollCall>(`/roll-calls/${id}/close`),
};

/** Where a group's marks are posted (through the outbox, so the path is all it needs). */
export const marksPath = (rollCallId: string) => `/roll-calls/${rollCallId}/marks`;
