import { z } from 'zod';
import { LOCALES } from '../locale.js';
import { ROLES } from '../org.js';
import { Id, Timestamp } from './shared.js';

/** Responsibility letters (目标责任书): issued from a template, duties from the plan in force, signed by both sides. */

export const LETTER_TEMPLATES = ['bureau-to-head', 'head-to-staff'] as const;
export const LETTER_STATUSES = ['awaiting', 'signed', 'superseded'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_SIDES = ['issuer', 'recipient'] as const;
export const LETTER_UNITS_MAX = 200;

export const IssueLettersBody = z.strictObject({
  issuerUnitId: Id,
  template: z.enum(LETTER_TEMPLATES),
  periodLabel: z.string().trim().min(1).max(60).describe('The year or term, e.g. 2027 年春季学期'),
  signDueAt: Timestamp,
  /** bureau-to-head: the units below the issuer whose heads sign. */
  unitIds: z.array(Id).max(LETTER_UNITS_MAX).default([]),
  /** head-to-staff: people of the issuing unit, each with the role the letter is for. */
  recipients: z
    .array(z.strictObject({ personId: Id, role: z.enum(ROLES) }))
    .max(LETTER_UNITS_MAX)
    .default([]),
});
export type IssueLettersBody = z.infer<typeof IssueLettersBody>;

export const SignLetterBody = z.strictObject({ side: z.enum(LETTER_SIDES) });

export const LetterDuty = z.object({ title: z.string(), text: z.string() });

export const Letter = z.object({
  id: Id,
  seriesId: Id,
  version: z.number().int(),
  template: z.enum(LETTER_TEMPLATES),
  title: z.string(),
  periodLabel: z.string(),
  issuerUnitId: Id,
  issuerUnitName: z.string(),
  unitId: Id,
  unitName: z.string(),
  /** The signing unit's zone: times are shown in it. */
  timeZone: z.string(),
  /** The language the letter is written in (its unit's when it was drafted); its document follows it. */
  language: z.enum(LOCALES),
  role: z.enum(ROLES),
  recipientPersonId: Id.nullable(),
  recipientName: z.string().nullable(),
  duties: z.array(LetterDuty),
  planVersion: z.number().int().nullable(),
  status: z.enum(LETTER_STATUSES),
  signDueAt: Timestamp,
  issuerSignedAt: Timestamp.nullable(),
  issuerSignedBy: z.string().nullable(),
  recipientSignedAt: Timestamp.nullable(),
  recipientSignedBy: z.string().nullable(),
  /** Past its deadline without both signatures (kept after a late signature). */
  late: z.boolean(),
  reminders: z.number().int(),
  /** Sides the reader may sign now. */
  canSign: z.array(z.enum(LETTER_SIDES)),
  createdAt: Timestamp,
  supersededAt: Timestamp.nullable(),
  /** Every version of this letter, newest first. */
  versions: z.array(
    z.object({ id: Id, version: z.number().int(), status: z.enum(LETTER_STATUSES), createdAt: Timestamp }),
  ),
});
export type Letter = z.infer<typeof Letter>;
export const LetterList = z.object({ items: z.array(Letter.omit({ duties: true, versions: true })) });
export const IssueResult = z.object({ ids: z.array(Id) });
export const LetterListQuery = z.object({
  unitId: Id.optional(),
  all: z.enum(['true', 'false']).optional().describe('Include superseded versions'),
});
