import { z } from 'zod';
import { Id, PageQuery, Timestamp, pageOf } from './shared.js';

/*
 * Evacuation roll call (issue 17): started from a drill or an incident (or by the head), every class
 * teacher marks their own class — one tap per child, or "all present" —, the staff on duty and the
 * visitors still inside are on the list too, and the head sees the count live against the target.
 * Marks are made on a phone that may be offline: each carries its own time and an idempotency key,
 * so a batch sent twice is stored once, and when two people mark the same child the later mark
 * (by `markedAt`) is the one shown; both stay in the history.
 */

export const ROLL_CALL_STATES = ['open', 'closed'] as const;
export type RollCallState = (typeof ROLL_CALL_STATES)[number];

/** present, missing, injured (found, hurt), absent (not at school today). */
export const MARK_STATUSES = ['present', 'missing', 'injured', 'absent'] as const;
export type MarkStatus = (typeof MARK_STATUSES)[number];
/** Accounted for: every status but missing. */
export const ACCOUNTED_STATUSES: readonly MarkStatus[] = ['present', 'injured', 'absent'];

/** Who is on the list: a pupil of a class, a member of staff on duty, a visitor still inside. */
export const SUBJECT_KINDS = ['pupil', 'staff', 'visitor'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A group is a class (its key is the class id), the staff on duty ("staff") or the visitors inside ("visitors"). */
export const GROUP_KINDS = ['class', 'staff', 'visitors'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const ROLL_CALL_TARGET_MIN = 30;
export const ROLL_CALL_TARGET_MAX = 3600;
export const MARKS_PER_BATCH_MAX = 500;
export const IDEMPOTENCY_KEY_MAX = 64;

export const GroupKey = z
  .string()
  .min(1)
  .max(36)
  .refine((v) => /^(staff|visitors|[0-9a-fA-F-]{36})$/.test(v), { params: { key: 'field.groupKey' } })
  .describe('A class id, "staff" or "visitors"');

/** Made on the phone (a UUID); the same key sent again is the same mark, stored once. */
export const MarkKey = z
  .string()
  .min(8)
  .max(IDEMPOTENCY_KEY_MAX)
  .refine((v) => /^[A-Za-z0-9._:-]+$/.test(v), { params: { key: 'field.idempotencyKey' } })
  .describe('The idempotency key, made on the phone once per tap (a UUID): a mark sent again with it is stored once');

export const StartRollCallBody = z.strictObject({
  unitId: Id,
  drillId: Id.nullable().optional().describe('The drill this roll call times: its evacuation time is written'),
  incidentId: Id.nullable().optional().describe('The incident this roll call belongs to: its handler is alerted'),
  targetSeconds: z
    .number()
    .int()
    .min(ROLL_CALL_TARGET_MIN)
    .max(ROLL_CALL_TARGET_MAX)
    .optional()
    .describe('The target time; the evacuation rule for the unit’s type when left out'),
});
export type StartRollCallBody = z.infer<typeof StartRollCallBody>;

/** One tap on a phone. "All present" is one mark per unmarked person of the group, in one request. */
export const MarkItem = z.strictObject({
  key: MarkKey,
  subjectId: Id,
  status: z.enum(MARK_STATUSES),
  markedAt: z.iso
    .datetime({ offset: true })
    .describe(
      'The tap’s time on the phone; kept when within a minute before the start and a minute ahead of the server, ' +
        'else the time it arrives',
    ),
});
export type MarkItem = z.infer<typeof MarkItem>;

export const MarkBatchBody = z.strictObject({
  marks: z.array(MarkItem).min(1).max(MARKS_PER_BATCH_MAX),
});
export type MarkBatchBody = z.infer<typeof MarkBatchBody>;

const Tallies = {
  total: z.number().int(),
  /** present + injured + absent */
  accounted: z.number().int(),
  present: z.number().int(),
  injured: z.number().int(),
  absent: z.number().int(),
  missing: z.number().int(),
  /** Not marked at all yet. */
  notReported: z.number().int(),
};

export const RollCallCounts = z.object(Tallies);
export type RollCallCounts = z.infer<typeof RollCallCounts>;

export const RollCallGroup = z.object({
  groupKey: z.string(),
  kind: z.enum(GROUP_KINDS),
  /** The class's name; for staff and visitors their label in the reader's language. */
  name: z.string(),
  teacherName: z.string().nullable(),
  ...Tallies,
  /** When everyone in the group had been marked (the last first mark); null until then. */
  reportedAt: Timestamp.nullable(),
  mine: z.boolean().describe('The reader may open the names and mark this group'),
});
export type RollCallGroup = z.infer<typeof RollCallGroup>;

export const RollCallAlert = z.object({
  id: Id,
  groupKey: z.string(),
  subjectKind: z.enum(SUBJECT_KINDS),
  openedAt: Timestamp,
  /** When the person was marked found (present, injured or absent). */
  closedAt: Timestamp.nullable(),
});
export type RollCallAlert = z.infer<typeof RollCallAlert>;

export const RollCall = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  drillId: Id.nullable(),
  incidentId: Id.nullable(),
  /** A drill, or a drill incident: messages carry the drill mark. */
  drill: z.boolean(),
  state: z.enum(ROLL_CALL_STATES),
  startedAt: Timestamp,
  startedByName: z.string().nullable(),
  targetSeconds: z.number().int(),
  targetAt: Timestamp,
  /** When the last group was fully reported: the latest of everyone's first mark. */
  completedAt: Timestamp.nullable(),
  /** completedAt − startedAt in whole seconds: the measured evacuation time (a drill's is written from it). */
  evacuationSeconds: z.number().int().nullable(),
  onTarget: z.boolean().nullable(),
  closedAt: Timestamp.nullable(),
  counts: RollCallCounts,
  groups: z.array(RollCallGroup),
  /** Missing alerts: open until the person is marked found. */
  alerts: z.array(RollCallAlert),
  mayClose: z.boolean(),
  /** The server's clock, for the countdown against the target. */
  now: Timestamp,
});
export type RollCall = z.infer<typeof RollCall>;

export const RollCallPage = pageOf(RollCall);
export const RollCallListQuery = PageQuery.extend({
  unitId: Id.optional().describe('A unit and the units below it'),
  state: z.enum(ROLL_CALL_STATES).optional(),
  drillId: Id.optional(),
  incidentId: Id.optional(),
});
export type RollCallListQuery = z.infer<typeof RollCallListQuery>;

export const RollCallMark = z.object({
  status: z.enum(MARK_STATUSES),
  markedAt: Timestamp,
  receivedAt: Timestamp,
  markedByName: z.string().nullable(),
});

export const RollCallSubject = z.object({
  subjectId: Id,
  kind: z.enum(SUBJECT_KINDS),
  name: z.string(),
  /** The latest mark by markedAt (then arrival); null when not yet marked. */
  status: z.enum(MARK_STATUSES).nullable(),
  markedAt: Timestamp.nullable(),
  markedByName: z.string().nullable(),
  /** Every mark, oldest first: two people marking the same child both stay here. */
  history: z.array(RollCallMark),
});
export type RollCallSubject = z.infer<typeof RollCallSubject>;

/** One group's names and marks: a class's own teacher and the school's keepers (the look is logged). */
export const RollCallGroupList = RollCallGroup.extend({
  rollCallId: Id,
  state: z.enum(ROLL_CALL_STATES),
  subjects: z.array(RollCallSubject),
});
export type RollCallGroupList = z.infer<typeof RollCallGroupList>;

export const MarkBatchResult = z.object({
  stored: z.number().int().describe('Marks stored by this request'),
  repeated: z.number().int().describe('Marks whose key was already stored: nothing added'),
  rollCall: RollCall,
});
export type MarkBatchResult = z.infer<typeof MarkBatchResult>;

export const RollCallParams = z.object({ id: Id });
export const RollCallGroupParams = z.object({ id: Id, groupKey: GroupKey });
