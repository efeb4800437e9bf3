import { z } from 'zod';
import { LocalDate } from './plan-content.js';
import { Id, PageQuery, Timestamp, pageOf } from './shared.js';

export const CASE_CATEGORIES = ['neighbour', 'wages', 'housing_repair', 'family', 'property', 'other'] as const;
export const CASE_STATUSES = ['open', 'mediating', 'resolved', 'closed'] as const;
export const CASE_OUTCOMES = ['agreement', 'no_agreement'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
const Text = z.string().trim().min(1).max(5000);

/** Someone in the case: a name and a way to reach them, nothing more (no opinion, no profile). */
export const CaseParty = z.strictObject({
  name: z.string().trim().min(1).max(50),
  contact: z.string().trim().max(50).default(''),
  raisedIt: z.boolean().default(false),
});

export const OpenCaseBody = z.strictObject({
  unitId: Id,
  category: z.enum(CASE_CATEGORIES),
  issue: Text,
  ownerId: Id,
  parties: z.array(CaseParty).min(1).max(20),
});

export const SessionBody = z.strictObject({ at: z.iso.datetime({ offset: true }).optional(), notes: Text });

export const OutcomeBody = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('agreement'), agreementText: Text, followUpDate: LocalDate.optional() }),
  z.strictObject({ outcome: z.literal('no_agreement'), reason: Text, followUpDate: LocalDate.optional() }),
]);

export const Case = z.object({
  id: Id,
  number: z.string(),
  unitId: Id,
  unitName: z.string(),
  category: z.enum(CASE_CATEGORIES),
  issue: z.string(),
  ownerId: Id,
  ownerName: z.string(),
  status: z.enum(CASE_STATUSES),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  agreementText: z.string().nullable(),
  noAgreementReason: z.string().nullable(),
  followUpDate: z.string().nullable(),
  parties: z.array(z.object({ name: z.string(), contact: z.string(), raisedIt: z.boolean() })),
  sessions: z.array(z.object({ id: Id, at: Timestamp, mediator: z.string(), notes: z.string() })),
  openedAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
});
export const CasePage = pageOf(Case.omit({ sessions: true, parties: true }));
export const CaseListQuery = PageQuery.extend({
  unitId: Id.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  category: z.enum(CASE_CATEGORIES).optional(),
});

/** What the person who raised it sees through the private link: status and dates only. */
export const PublicCaseStatus = z.object({
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  openedAt: Timestamp,
  lastActivityAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
  followUpDate: z.string().nullable(),
});

export const CaseStats = z.object({
  byCategory: z.array(
    z.object({
      category: z.enum(CASE_CATEGORIES),
      open: z.number().int(),
      agreement: z.number().int(),
      noAgreement: z.number().int(),
    }),
  ),
  resolved: z.number().int(),
  medianDaysToResolve: z.number().nullable(),
});
