import { z } from 'zod';
import { DutyPerson } from './duty.js';
import { LocalDate } from './plan-content.js';
import { Id, Timestamp } from './shared.js';

/** The longest leave one request covers. */
export const LEAVE_DAYS_MAX = 60;
export const LEAVE_STATES = ['requested', 'approved', 'refused', 'recorded', 'cancelled'] as const;
export type LeaveState = (typeof LEAVE_STATES)[number];

export const RequestLeaveBody = z.strictObject({
  /** The unit the head leads. */
  unitId: Id,
  startDate: LocalDate,
  endDate: LocalDate,
  reason: z.string().trim().min(1).max(1000),
  /** Who acts as head while the head is away: a person of the same unit. */
  deputyId: Id,
});
export type RequestLeaveBody = z.infer<typeof RequestLeaveBody>;

export const DecideLeaveBody = z.strictObject({ note: z.string().trim().max(1000).default('') });

export const Leave = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  head: DutyPerson,
  deputy: DutyPerson,
  startDate: LocalDate,
  endDate: LocalDate,
  startsAt: Timestamp,
  endsAt: Timestamp,
  reason: z.string(),
  approvalRequired: z.boolean(),
  state: z.enum(LEAVE_STATES),
  decidedBy: DutyPerson.nullable(),
  decidedAt: Timestamp.nullable(),
  decisionNote: z.string().nullable(),
  createdAt: Timestamp,
  /** Whether the caller may approve or refuse it (an organisation manager of the parent unit). */
  mayDecide: z.boolean(),
});
export type Leave = z.infer<typeof Leave>;

export const LeaveListQuery = z.object({
  unitId: Id.optional().describe('This unit and the units below it; by default all of yours'),
  state: z.enum(LEAVE_STATES).optional(),
});

export const AwayNowQuery = z.object({ unitId: Id.optional() });
