import { z } from 'zod';
import { LocalDate, LocalTime } from './plan-content.js';
import {
  CHECK_IN_METHODS,
  CHECK_IN_NOTE_MAX,
  CHECKPOINT_HINT_MAX,
  CHECKPOINT_NAME_MAX,
  PATROL_KINDS,
  PATROL_STATES,
} from './patrol-limits.js';
import { ClientKey, Id, Timestamp } from './shared.js';

export * from './patrol-limits.js';

/*
 * Night patrols (巡查): named checkpoints with QR codes, the night's scheduled and unannounced
 * patrols, and the check-ins that prove them.
 */

/** The secret in a checkpoint's QR code (base64url, 128 bits); anything else is simply unknown. */
export const CHECKPOINT_CODE = z.string().trim().min(1).max(100);

export const CheckpointBody = z.strictObject({
  unitId: Id,
  name: z.string().trim().min(1).max(CHECKPOINT_NAME_MAX),
  /** Where to find it: "east stairwell, 2nd floor". */
  locationHint: z.string().trim().max(CHECKPOINT_HINT_MAX).default(''),
});
export type CheckpointBody = z.infer<typeof CheckpointBody>;

export const CheckpointUpdate = z.strictObject({
  name: z.string().trim().min(1).max(CHECKPOINT_NAME_MAX).optional(),
  locationHint: z.string().trim().max(CHECKPOINT_HINT_MAX).optional(),
  active: z.boolean().optional(),
});
export type CheckpointUpdate = z.infer<typeof CheckpointUpdate>;

export const Checkpoint = z.object({
  id: Id,
  unitId: Id,
  name: z.string(),
  locationHint: z.string(),
  active: z.boolean(),
  /** The check-in address in the QR code; only for those who keep the checkpoints. */
  checkInUrl: z.string().nullable(),
  createdAt: Timestamp,
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** A unit's checkpoints, and whether the reader keeps them (and so sees their check-in addresses). */
export const CheckpointList = z.object({
  unitId: Id,
  unitName: z.string(),
  canManage: z.boolean(),
  items: z.array(Checkpoint),
});
export type CheckpointList = z.infer<typeof CheckpointList>;

/** Check in at one point: by the QR code's secret, or by the point's id from the patrol screen. */
export const CheckInBody = z
  .strictObject({
    code: CHECKPOINT_CODE.optional(),
    checkpointId: Id.optional(),
    /** The unit the person is patrolling; a point of another unit is refused. */
    unitId: Id.optional(),
    note: z.string().trim().max(CHECK_IN_NOTE_MAX).default(''),
    /** When the phone scanned (a check-in sent later from its outbox); not later than now. */
    checkedInAt: z.iso.datetime({ offset: true }).optional(),
    clientKey: ClientKey.optional(),
  })
  .refine((b) => (b.code === undefined) !== (b.checkpointId === undefined), {
    params: { key: 'field.codeOrCheckpoint' },
    path: ['checkpointId'],
  });
export type CheckInBody = z.infer<typeof CheckInBody>;

export const CheckIn = z.object({
  id: Id,
  checkpointId: Id,
  checkpointName: z.string(),
  patrolId: Id.nullable(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  at: Timestamp,
  method: z.enum(CHECK_IN_METHODS),
  note: z.string(),
  hasPhoto: z.boolean(),
});
export type CheckIn = z.infer<typeof CheckIn>;

export const Patrol = z.object({
  id: Id,
  unitId: Id,
  nightDate: LocalDate,
  kind: z.enum(PATROL_KINDS),
  state: z.enum(PATROL_STATES),
  /** When it is due; null for an unannounced patrol not yet announced (its time is a secret). */
  dueAt: Timestamp.nullable(),
  openedAt: Timestamp.nullable(),
  deadlineAt: Timestamp.nullable(),
  doneAt: Timestamp.nullable(),
  /** Active points checked within this patrol, of how many. */
  checked: z.number().int(),
  of: z.number().int(),
  checkIns: z.array(CheckIn),
});
export type Patrol = z.infer<typeof Patrol>;

export const PatrolWindow = z.object({ start: LocalTime, end: LocalTime });

/** One patrol night of a unit: the window the plan sets and the patrols in it. */
export const PatrolNight = z.object({
  unitId: Id,
  unitName: z.string(),
  timeZone: z.string(),
  nightDate: LocalDate,
  window: PatrolWindow.nullable(),
  patrols: z.array(Patrol),
});
export type PatrolNight = z.infer<typeof PatrolNight>;

export const NightQuery = z.object({
  night: LocalDate.optional().describe('Local date the night begins on; default the night in progress or last ended'),
});

/** What the phone screen needs now: the open patrols and every active point. */
export const PatrolNow = z.object({
  unitId: Id,
  unitName: z.string(),
  timeZone: z.string(),
  timeLimitMinutes: z.number().int(),
  open: z.array(Patrol),
  checkpoints: z.array(Checkpoint),
  /** May the person check in here (holds a duty, gate or safety role over the unit)? */
  canCheckIn: z.boolean(),
});
export type PatrolNow = z.infer<typeof PatrolNow>;

export const CheckInResult = z.object({
  checkIn: CheckIn,
  patrol: Patrol.nullable(),
  unitId: Id,
  unitName: z.string(),
  timeZone: z.string(),
});
export type CheckInResult = z.infer<typeof CheckInResult>;

/** The unit page's facts: the gate's 24-hour staffing and the night's patrol count. */
export const PatrolSummary = z.object({
  unitId: Id,
  gate: z.object({
    /** The plan in force asks for the gatehouse to be staffed 24 hours. */
    required24h: z.boolean(),
    /** People holding the gatekeeper role in the unit. */
    gatekeepers: z.number().int(),
    /** People on the duty roster's shift on now (staff and duty leader). */
    dutyStaff: z.number().int(),
    /** A shift of the duty roster is on now: the same fact as GET /duty/now's shifts for the unit. */
    staffed: z.boolean(),
  }),
  patrols: z.object({
    nightDate: LocalDate,
    window: PatrolWindow.nullable(),
    /** Patrols the night holds, announced or not. */
    planned: z.number().int(),
    /** Whose time has come (prompted, done or missed). */
    due: z.number().int(),
    done: z.number().int(),
    missed: z.number().int(),
    checkpoints: z.number().int(),
  }),
});
export type PatrolSummary = z.infer<typeof PatrolSummary>;
