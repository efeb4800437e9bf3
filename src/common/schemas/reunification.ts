import { z } from 'zod';
import { ClientKey, Id, Timestamp } from './shared.js';

/*
 * Reunification after a real evacuation (issue 17): a point, the staff who release children, and
 * for each child either a release to an adult on the authorised list or a refusal. Staff see the
 * children and the adults' names and relations only while it is open; the adults' mobiles and ID
 * digits never leave the server (the check is the server's).
 */

export const REUNIFICATION_STATUSES = ['open', 'closed'] as const;
export type ReunificationStatus = (typeof REUNIFICATION_STATUSES)[number];
export const PUPIL_OUTCOMES = ['released', 'absent'] as const;
export type PupilOutcome = (typeof PUPIL_OUTCOMES)[number];
/** What release staff checked and found wrong; never what the list holds. */
export const RELEASE_CHECKS = ['name', 'mobile', 'idLast4'] as const;
export type ReleaseCheck = (typeof RELEASE_CHECKS)[number];

export const REUNIFICATION_POINT_MAX = 100;
export const REUNIFICATION_STAFF_MAX = 50;

export const ReunificationBody = z.strictObject({
  unitId: Id,
  /** The incident the school evacuated for (a real one, not a drill). */
  incidentId: Id,
  point: z.string().trim().min(1).max(REUNIFICATION_POINT_MAX),
  staffPersonIds: z.array(Id).min(1).max(REUNIFICATION_STAFF_MAX),
});
export type ReunificationBody = z.infer<typeof ReunificationBody>;

/** What the adult at the point says, as staff typed it. */
export const ReleaseBody = z.strictObject({
  pupilId: Id,
  adult: z.strictObject({
    name: z.string().trim().min(1).max(40),
    mobile: z.string().trim().min(1).max(20),
    idLast4: z.string().trim().min(1).max(4),
  }),
  /** When the phone made it (offline, sent later); not more than a few minutes ahead of the server. */
  releasedAt: z.iso.datetime({ offset: true }).optional(),
  clientKey: ClientKey.optional(),
});
export type ReleaseBody = z.infer<typeof ReleaseBody>;

export const AbsentBody = z.strictObject({
  pupilId: Id,
  markedAt: z.iso.datetime({ offset: true }).optional(),
  clientKey: ClientKey.optional(),
});
export type AbsentBody = z.infer<typeof AbsentBody>;

export const ReunificationCounts = z.object({
  pupils: z.number().int(),
  released: z.number().int(),
  absent: z.number().int(),
  /** Not released and not absent: still at the point. */
  waiting: z.number().int(),
  refused: z.number().int(),
});
export type ReunificationCounts = z.infer<typeof ReunificationCounts>;

export const ReunificationRelease = z.object({
  pupilId: Id,
  pupilName: z.string(),
  className: z.string(),
  state: z.enum(PUPIL_OUTCOMES),
  adultName: z.string().nullable(),
  adultRelation: z.string().nullable(),
  staffName: z.string(),
  at: Timestamp,
});

export const ReunificationRefusal = z.object({
  id: Id,
  pupilId: Id,
  pupilName: z.string(),
  className: z.string(),
  nameGiven: z.string(),
  mobileGiven: z.string(),
  failed: z.array(z.enum(RELEASE_CHECKS)),
  staffName: z.string(),
  at: Timestamp,
});

export const Reunification = z.object({
  id: Id,
  unitId: Id,
  incidentId: Id,
  point: z.string(),
  status: z.enum(REUNIFICATION_STATUSES),
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  /** The school's zone: times are shown on its clock. */
  timeZone: z.string(),
  staff: z.array(z.object({ id: Id, name: z.string() })),
  counts: ReunificationCounts,
  /** Whether the reader keeps it (head, safety officer): they see the lists and may close it. */
  keeper: z.boolean(),
  /** Only for the head and the safety officer; release staff see the counts. */
  releases: z.array(ReunificationRelease).nullable(),
  refusals: z.array(ReunificationRefusal).nullable(),
  /**
   * The key of the collectors' check values, for release staff and keepers while it is open (the
   * phone checks adults offline with it); null once closed.
   */
  checkSecret: z.string().nullable(),
});
export type Reunification = z.infer<typeof Reunification>;

export const ReunificationSummary = z.object({
  id: Id,
  unitId: Id,
  point: z.string(),
  status: z.enum(REUNIFICATION_STATUSES),
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
});
export type ReunificationSummary = z.infer<typeof ReunificationSummary>;

/** A child as release staff find them: the adults who may collect by name and relation only. */
export const WaitingPupil = z.object({
  id: Id,
  name: z.string(),
  className: z.string(),
  state: z.enum(['waiting', ...PUPIL_OUTCOMES]),
  collectors: z.array(
    z.object({
      name: z.string(),
      relation: z.string(),
      /**
       * HMAC-SHA256 of the adult's normalised name, mobile and ID last four under the reunification's
       * secret (`checkValue` in common/release-check), for checking offline; null without ID digits.
       */
      check: z.string().nullable(),
    }),
  ),
});
export type WaitingPupil = z.infer<typeof WaitingPupil>;

export const ReleaseResult = z.object({
  outcome: z.literal('released'),
  pupilId: Id,
  adultName: z.string(),
  adultRelation: z.string(),
  at: Timestamp,
  counts: ReunificationCounts,
});
export type ReleaseResult = z.infer<typeof ReleaseResult>;
