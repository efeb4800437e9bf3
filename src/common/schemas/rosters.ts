import { z } from 'zod';
import { Id } from './shared.js';

/*
 * Class rosters: the minimum about a child that roll call and reunification need (domain, "Pupils'
 * data"): a name, a class, and the adults — guardians and those authorised to collect — with a name,
 * a relation, a mobile and the last four characters of an ID document. Nothing else.
 */

export const PUPIL_NAME_MAX = 40;
export const ADULTS_MAX = 6;

const Mobile = z
  .string()
  .trim()
  .min(5)
  .max(20)
  .refine((v) => /^\+?[0-9][0-9 -]*$/.test(v), { params: { key: 'field.mobile' } });

/** Only the last four characters of an ID document are ever stored. */
export const IdLast4 = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => /^[0-9A-Z]{4}$/.test(v), { params: { key: 'field.idLast4' } });

export const RosterAdult = z.strictObject({
  name: z.string().trim().min(1).max(PUPIL_NAME_MAX),
  relation: z.string().trim().min(1).max(20),
  mobile: Mobile,
  idLast4: IdLast4.nullable().default(null),
  /** A guardian (监护人) is told where to come; not every guardian may collect, nor is every collector a guardian. */
  guardian: z.boolean().default(true),
  mayCollect: z.boolean().default(true),
});
export type RosterAdult = z.infer<typeof RosterAdult>;

export const PupilBody = z.strictObject({
  classId: Id,
  name: z.string().trim().min(1).max(PUPIL_NAME_MAX),
  adults: z.array(RosterAdult).max(ADULTS_MAX).default([]),
});
export type PupilBody = z.infer<typeof PupilBody>;

export const Pupil = z.object({
  id: Id,
  classId: Id,
  name: z.string(),
  adults: z.array(
    z.object({
      name: z.string(),
      relation: z.string(),
      mobile: z.string(),
      idLast4: z.string().nullable(),
      guardian: z.boolean(),
      mayCollect: z.boolean(),
    }),
  ),
});
export type Pupil = z.infer<typeof Pupil>;

export const ClassBody = z.strictObject({
  unitId: Id,
  name: z.string().trim().min(1).max(40),
  teacherPersonId: Id.nullable().default(null),
});
export type ClassBody = z.infer<typeof ClassBody>;

export const ClassUpdate = ClassBody.omit({ unitId: true }).partial();
export type ClassUpdate = z.infer<typeof ClassUpdate>;

export const SchoolClass = z.object({
  id: Id,
  unitId: Id,
  name: z.string(),
  teacherPersonId: Id.nullable(),
  teacherName: z.string().nullable(),
  pupils: z.number().int(),
});
export type SchoolClass = z.infer<typeof SchoolClass>;

export const ClassRoster = SchoolClass.extend({ roster: z.array(Pupil) });
export type ClassRoster = z.infer<typeof ClassRoster>;

export const RosterImportResult = z.object({
  classes: z.number().int().describe('Classes created by the file'),
  added: z.number().int().describe('Pupils new to the roster'),
  updated: z.number().int().describe('Pupils already there whose adults the file replaced'),
});
export type RosterImportResult = z.infer<typeof RosterImportResult>;
