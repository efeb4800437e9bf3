import { z } from 'zod';
import { LocalDate } from './plan-content.js';
import { Id, Timestamp } from './shared.js';

/*
 * Duty rosters. Shifts change at 08:00 local time in the unit's own zone: a 24-hour shift runs
 * 08:00 → 08:00 the next day; with day and night shifts, day is 08:00 → 20:00 and night
 * 20:00 → 08:00. Across a daylight-saving change a shift keeps its local times (23 or 25 hours).
 */

export const SHIFT_CHANGE_TIME = '08:00';
export const NIGHT_START_TIME = '20:00';
export const SHIFT_KINDS = ['24h', 'day', 'night', 'custom'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];
export const ROTATION_KINDS = ['daily', 'weekly', 'custom'] as const;
export type RotationKind = (typeof ROTATION_KINDS)[number];
export const SWAP_STATES = ['proposed', 'accepted', 'declined', 'cancelled', 'void'] as const;
export type SwapState = (typeof SWAP_STATES)[number];
/** How far ahead a rotation generates, and the longest range one roster request covers. */
export const DUTY_DAYS_AHEAD_MAX = 92;
export const DUTY_RANGE_DAYS_MAX = 92;
export const DUTY_STAFF_MAX = 10;
export const ROTATION_SLOTS_MAX = 60;
export const HANDOVER_TEXT_MAX = 4000;
/** Rows one roster spreadsheet may hold. */
export const ROSTER_ROWS_MAX = 2000;
export const ROSTER_FILE_MAX_BYTES = 2 * 1024 * 1024;

const Note = z.string().trim().max(500);

/** A person as the roster shows them: with the phone number, because whoever is on duty must be reachable. */
export const DutyPerson = z.object({ id: Id, name: z.string(), phone: z.string().nullable() });
export type DutyPerson = z.infer<typeof DutyPerson>;

export const Handover = z.object({
  id: Id,
  shiftId: Id,
  writtenBy: DutyPerson,
  happened: z.string(),
  pending: z.string(),
  writtenAt: Timestamp,
  acknowledgedBy: DutyPerson.nullable(),
  acknowledgedAt: Timestamp.nullable(),
});

export const Swap = z.object({
  id: Id,
  unitId: Id,
  shiftId: Id,
  otherShiftId: Id.nullable(),
  from: DutyPerson,
  to: DutyPerson,
  note: z.string(),
  state: z.enum(SWAP_STATES),
  proposedAt: Timestamp,
  decidedAt: Timestamp.nullable(),
  /** The shifts as they read: start and end, for the list of requests. */
  shiftStartsAt: Timestamp,
  otherShiftStartsAt: Timestamp.nullable(),
});
export type Swap = z.infer<typeof Swap>;

export const Shift = z.object({
  id: Id,
  unitId: Id,
  kind: z.enum(SHIFT_KINDS),
  localDate: LocalDate,
  startsAt: Timestamp,
  endsAt: Timestamp,
  rotationId: Id.nullable(),
  dutyLeader: DutyPerson.nullable(),
  /** Set when the duty leader is a head on leave: the deputy acts for them. */
  actingLeader: DutyPerson.nullable(),
  staff: z.array(DutyPerson),
  handover: Handover.nullable(),
  swaps: z.array(Swap).describe('Swaps waiting for consent that concern this shift'),
});
export type Shift = z.infer<typeof Shift>;

export const ActingHead = z.object({
  leaveId: Id,
  unitId: Id,
  head: DutyPerson,
  deputy: DutyPerson,
  startDate: LocalDate,
  endDate: LocalDate,
});

export const Roster = z.object({
  unitId: Id,
  unitName: z.string(),
  timeZone: z.string(),
  from: LocalDate,
  to: LocalDate,
  shifts: z.array(Shift),
  /** Heads away (approved or recorded leave) within the range, and who acts for them. */
  actingHeads: z.array(ActingHead),
});

export const RosterQuery = z.object({
  unitId: Id,
  from: LocalDate,
  to: LocalDate,
});

export const CreateShiftBody = z.strictObject({
  unitId: Id,
  kind: z.enum(SHIFT_KINDS).default('custom'),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  dutyLeaderId: Id.nullable().default(null),
  staffIds: z.array(Id).max(DUTY_STAFF_MAX).default([]),
});
export type CreateShiftBody = z.infer<typeof CreateShiftBody>;

/** The safety officer sets a shift's people directly; the audit trail keeps before and after. */
export const OverrideBody = z.strictObject({
  dutyLeaderId: Id.nullable(),
  staffIds: z.array(Id).max(DUTY_STAFF_MAX),
  reason: Note.default(''),
});
export type OverrideBody = z.infer<typeof OverrideBody>;

export const RotationSlot = z.strictObject({
  dutyLeaderId: Id.nullable().default(null),
  staffIds: z.array(Id).max(DUTY_STAFF_MAX).default([]),
  /** custom rotations: how many shifts in a row this slot takes. */
  turns: z.number().int().min(1).max(31).default(1),
});

export const CreateRotationBody = z.strictObject({
  unitId: Id,
  name: z.string().trim().min(1).max(100),
  /**
   * daily: each shift goes to the next slot; weekly: a slot holds every shift of a week; custom: each slot takes
   * `turns` shifts.
   */
  kind: z.enum(ROTATION_KINDS),
  slots: z.array(RotationSlot).min(1).max(ROTATION_SLOTS_MAX),
  startDate: LocalDate,
  endDate: LocalDate.nullable().default(null),
  daysAhead: z.number().int().min(1).max(DUTY_DAYS_AHEAD_MAX).default(28),
});
export type CreateRotationBody = z.infer<typeof CreateRotationBody>;

export const Rotation = z.object({
  id: Id,
  unitId: Id,
  name: z.string(),
  kind: z.enum(ROTATION_KINDS),
  slots: z.array(z.object({ dutyLeader: DutyPerson.nullable(), staff: z.array(DutyPerson), turns: z.number().int() })),
  startDate: LocalDate,
  endDate: LocalDate.nullable(),
  daysAhead: z.number().int(),
  generatedThrough: LocalDate.nullable(),
  active: z.boolean(),
});

export const GenerateBody = z.strictObject({ days: z.number().int().min(1).max(DUTY_DAYS_AHEAD_MAX).optional() });
export const Generated = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  generatedThrough: LocalDate.nullable(),
});

export const ProposeSwapBody = z.strictObject({
  shiftId: Id,
  /** The person asked to take the shift. */
  withPersonId: Id,
  /** Their shift taken in exchange; leave out when they simply cover. */
  otherShiftId: Id.nullable().default(null),
  note: Note.default(''),
});
export type ProposeSwapBody = z.infer<typeof ProposeSwapBody>;

export const HandoverBody = z.strictObject({
  happened: z.string().trim().min(1).max(HANDOVER_TEXT_MAX),
  pending: z.string().trim().max(HANDOVER_TEXT_MAX).default(''),
});

/**
 * What a duty warning offers (issue #13): to a roster keeper the step itself (去排班, 指派值班领导); to
 * anyone else, whom to ask — the unit's safety officers, else those of the nearest unit above.
 */
export const DutyNextStep = z.object({
  /** The reader may keep this unit's roster (safety officer here or above, or an administrator). */
  mayEditRoster: z.boolean(),
  askWhom: z.array(DutyPerson.extend({ unitName: z.string() })),
});
export type DutyNextStep = z.infer<typeof DutyNextStep>;

export const OnDutyUnit = z.object({
  unitId: Id,
  unitName: z.string(),
  depth: z.number().int(),
  timeZone: z.string(),
  shifts: z.array(
    Shift.pick({
      id: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      dutyLeader: true,
      actingLeader: true,
      staff: true,
    }),
  ),
  actingHead: ActingHead.nullable(),
  nextStep: DutyNextStep,
});
export const OnDutyNow = z.object({ at: Timestamp, units: z.array(OnDutyUnit), truncated: z.boolean() });

export const Gap = z.object({
  kind: z.enum(['no_duty_leader', 'uncovered']),
  startsAt: Timestamp,
  endsAt: Timestamp,
  shiftId: Id.nullable(),
});
export type Gap = z.infer<typeof Gap>;
export const GapsQuery = z.object({
  unitId: Id,
  days: z.coerce.number().int().min(1).max(DUTY_DAYS_AHEAD_MAX).default(14),
});
export const Gaps = z.object({
  unitId: Id,
  from: Timestamp,
  to: Timestamp,
  gaps: z.array(Gap),
  nextStep: DutyNextStep,
});
export const NextStepView = DutyNextStep.extend({ unitId: Id });

export const ImportResult = z.object({
  from: LocalDate,
  to: LocalDate,
  shifts: z.number().int(),
  replaced: z.number().int(),
});

export const Feed = z.object({ id: Id, unitId: Id.nullable(), unitName: z.string().nullable(), createdAt: Timestamp });
export const CreateFeedBody = z.strictObject({ unitId: Id.nullable().default(null) });
export const CreatedFeed = Feed.extend({
  path: z.string().describe('The secret address, shown once; the old one stops working'),
  url: z.string().nullable(),
});

export const DutyPeople = z.array(DutyPerson.extend({ username: z.string().nullable() }));
