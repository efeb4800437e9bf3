import type { z } from 'zod';
import type { Visitor as VisitorSchema } from '../../../common/schemas/visitors.js';
import type { Page } from '../../../common/schemas/shared.js';
import { http } from '../../api/client.js';

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
  checkIn: (body: NewVisitor) => http.post<Visitor>('/visitors', body),
  checkOut: (id: string) => http.post<Visitor>(`/visitors/${id}/check-out`, {}),
  exportUrl: (q: Pick<VisitorQuery, 'unitId' | 'from' | 'to'>) => {
    const params = new URLSearchParams({ unitId: q.unitId });
    if (q.from) params.set('from', q.from);
    if (q.to) params.set('to', q.to);
    return `/api/v1/visitors/export.xlsx?${params.toString()}`;
  },
};
