import { z } from 'zod';
import { ClientKey, Id, PageQuery, Timestamp, pageOf } from './shared.js';
import { LocalDate, LocalTime } from './plan-content.js';

export const ID_KINDS = ['id_card', 'passport', 'other'] as const;
export type IdKind = (typeof ID_KINDS)[number];

export const CheckInBody = z.strictObject({
  unitId: Id,
  name: z.string().trim().min(1).max(50),
  idKind: z.enum(ID_KINDS).default('id_card'),
  /** Send it masked (last four characters); a full number is masked by the server before storing. */
  idNumber: z.string().trim().min(1).max(40),
  purpose: z.string().trim().min(1).max(200),
  hostName: z.string().trim().max(50).default(''),
  vehiclePlate: z.string().trim().max(20).default(''),
  checkedInAt: z.iso.datetime({ offset: true }).optional(),
  clientKey: ClientKey.optional(),
});
export type CheckInBody = z.infer<typeof CheckInBody>;

export const CheckOutBody = z.strictObject({
  checkedOutAt: z.iso.datetime({ offset: true }).optional(),
  clientKey: ClientKey.optional(),
});

export const Visitor = z.object({
  id: Id,
  unitId: Id,
  name: z.string(),
  idKind: z.enum(ID_KINDS),
  idMasked: z.string(),
  purpose: z.string(),
  hostName: z.string(),
  vehiclePlate: z.string(),
  checkedInAt: Timestamp,
  checkedOutAt: Timestamp.nullable(),
  registeredBy: z.string().nullable(),
});
export type Visitor = z.infer<typeof Visitor>;
export const VisitorPage = pageOf(Visitor);

export const VisitorListQuery = PageQuery.extend({
  unitId: Id,
  inside: z.enum(['true', 'false']).optional().describe('Only those not checked out'),
  from: LocalDate.optional().describe('First local day, included'),
  to: LocalDate.optional().describe('Last local day, included'),
});

export const VisitorSettings = z.strictObject({
  /** After this local time, anyone still inside is reported to the gate and the safety officer. */
  closingTime: LocalTime,
});
