import { z } from 'zod';
import { NAME_MAX } from '../limits.js';
import { LOCALES } from '../locale.js';
import { UNIT_TYPES } from '../org.js';
import { Id, PageQuery, TimeZone, Timestamp, pageOf } from './shared.js';

const Name = z.string().trim().min(1).max(NAME_MAX);
/** Pupils enrolled in a school or kindergarten. */
export const ENROLMENT_MAX = 50_000;
const Enrolment = z.number().int().min(0).max(ENROLMENT_MAX).describe('Pupils enrolled (schools and kindergartens)');

export const Unit = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  type: z.enum(UNIT_TYPES),
  timeZone: z.string(),
  locale: z.enum(LOCALES),
  depth: z.number().int(),
  /** Pupils enrolled; null when not recorded. GB/T 29315-2022 sets the guards a school needs by it. */
  enrolment: z.number().int().nullable(),
  childCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Unit = z.infer<typeof Unit>;
export const UnitPage = pageOf(Unit);

export const UnitListQuery = PageQuery.extend({
  parentId: Id.optional().describe('Only the direct children of this unit'),
  roots: z.enum(['true', 'false']).optional().describe('Only the top units of your own scope'),
  q: z.string().trim().max(NAME_MAX).optional().describe('Part of the name'),
});

export const CreateUnitBody = z.strictObject({
  parentId: Id,
  name: Name,
  type: z.enum(UNIT_TYPES),
  timeZone: TimeZone.optional().describe('Defaults to the parent unit’s time zone'),
  locale: z.enum(LOCALES).optional().describe('Defaults to the parent unit’s language'),
  enrolment: Enrolment.optional(),
});
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z.strictObject({
  name: Name.optional(),
  type: z.enum(UNIT_TYPES).optional(),
  timeZone: TimeZone.optional(),
  locale: z.enum(LOCALES).optional(),
  enrolment: Enrolment.nullable().optional(),
});
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

/** A unit's own calendar day now, decided on the server: screens take "today" from here, never the browser. */
export const UnitToday = z.object({
  unitId: Id,
  timeZone: z.string(),
  today: z.string().describe('The local date (YYYY-MM-DD) in the unit’s zone'),
  now: Timestamp,
});
export type UnitToday = z.infer<typeof UnitToday>;

export const MoveUnitBody = z.strictObject({ parentId: Id });
export const UnitParams = z.object({ id: Id });
