import type { z } from 'zod';
import type { Visitor as VisitorSchema } from '../../../common/schemas/visitors.js';
import type { Page } from '../../../common/schemas/shared.js';
import { http } from '../../api/client.js';
import { newIdempotencyKey, sendOrQueue, type QueuedRequest } from '../../offline/index.js';

export type Visitor = z.infer<typeof VisitorSchema>;
export type IdKind = Visitor['idKind'];
/** Mirror of ID_KINDS in the schema (importing values from there would bring zod into the bundle). */
export const ID_KIND_LIST: readonly IdKind[] = ['id_card', 'passport', 'other'];

/** A check-in as the gate sends it: the ID number already masked. */
export interface NewVisitor {
  unitId: string;
  name: string;
  idKind: IdKind;
  idNumber: string;
  purpose: string;
  hostName: string;
  vehiclePlate: string;
}

/** A check-in sent through the outbox: its time is the phone's, so a late send keeps when they came. */
export interface QueuedCheckIn extends NewVisitor {
  checkedInAt: string;
  clientKey: string;
}

export interface VisitorQuery {
  unitId: string;
  inside?: boolean;
  /** Local dates, both included. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

const query = (q: VisitorQuery) => ({ ...q, inside: q.inside ? 'true' : undefined });

export const visitorsApi = {
  list: (q: VisitorQuery) => http.get<Page<Visitor>>('/visitors', query(q)),
  /** Check-in now, or kept on the phone until the network returns; its key makes a second send harmless. */
  checkInOrQueue: (visitor: NewVisitor, label: string) => {
    const key = newIdempotencyKey();
    const body: QueuedCheckIn = { ...visitor, checkedInAt: new Date().toISOString(), clientKey: key };
    return sendOrQueue({ key, method: 'POST', path: CHECK_IN_PATH, body, label });
  },
  /** Check-out now, or kept on the phone; the same for its key. */
  checkOutOrQueue: (id: string, label: string) => {
    const key = newIdempotencyKey();
    const body = { checkedOutAt: new Date().toISOString(), clientKey: key };
    return sendOrQueue({ key, method: 'POST', path: checkOutPath(id), body, label });
  },
  exportUrl: (q: Pick<VisitorQuery, 'unitId' | 'from' | 'to'>) => {
    const params = new URLSearchParams({ unitId: q.unitId });
    if (q.from) params.set('from', q.from);
    if (q.to) params.set('to', q.to);
    return `/api/v1/visitors/export.xlsx?${params.toString()}`;
  },
};

export const CHECK_IN_PATH = '/visitors';
export const checkOutPath = (id: string) => `/visitors/${id}/check-out`;

/** The check-ins waiting on this phone for a unit, as the list shows them. */
export const queuedCheckIns = (pending: QueuedRequest[], unitId: string): { key: string; body: QueuedCheckIn }[] =>
  pending
    .filter((r) => r.path === CHECK_IN_PATH && (r.body as QueuedCheckIn | undefined)?.unitId === unitId)
    .map((r) => ({ key: r.key, body: r.body as QueuedCheckIn }));
