import { z } from 'zod';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, PHONE_MAX, USERNAME_MAX, USERNAME_MIN } from '../limits.js';
import { LOCALES } from '../locale.js';
import { ROLES } from '../org.js';
import { Id, PageQuery, Timestamp, pageOf } from './shared.js';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(USERNAME_MIN)
  .max(USERNAME_MAX)
  .refine((v) => /^[a-z0-9][a-z0-9._-]*$/.test(v), { params: { key: 'field.username' } });
export const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const Phone = z
  .string()
  .trim()
  .max(PHONE_MAX)
  .refine((v) => /^[0-9+\-() ]*$/.test(v), { params: { key: 'field.phone' } });
const Email = z.email().max(EMAIL_MAX);
/** The language a person is written to in (notifications, e-mail, SMS, robots); null: their unit's. */
export const Language = z
  .enum(LOCALES)
  .nullable()
  .describe('The language the person is written to in; null for their unit’s');

export const RoleAssignment = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  role: z.enum(ROLES),
});

export const Person = z.object({
  id: Id,
  homeUnitId: Id,
  homeUnitName: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  language: Language,
  roles: z.array(RoleAssignment),
  account: z
    .object({
      username: z.string(),
      mustChangePassword: z.boolean(),
      disabled: z.boolean(),
      lastLoginAt: Timestamp.nullable(),
    })
    .nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Person = z.infer<typeof Person>;
export const PersonPage = pageOf(Person);

export const PersonListQuery = PageQuery.extend({
  unitId: Id.optional().describe('People registered in or holding a role in this unit'),
  subtree: z.enum(['true', 'false']).optional().describe('Include the units below unitId'),
  q: z.string().trim().max(NAME_MAX).optional().describe('Part of the name, phone or username'),
});

export const RoleInput = z.strictObject({ unitId: Id, role: z.enum(ROLES) });
/** Why a role is granted or removed: kept in the audit trail and told to the person and the head. */
const RoleReason = z.string().trim().max(500);
export const GrantRoleBody = RoleInput.extend({ reason: RoleReason.optional() });
export const RemoveRoleQuery = z.object({ reason: RoleReason.optional() });
export const AccountInput = z.strictObject({ username: Username, password: Password });

export const CreatePersonBody = z.strictObject({
  homeUnitId: Id,
  name: z.string().trim().min(1).max(NAME_MAX),
  phone: Phone.optional(),
  email: Email.optional(),
  language: Language.optional(),
  roles: z.array(RoleInput).max(20).default([]),
  account: AccountInput.optional(),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

export const UpdatePersonBody = z.strictObject({
  name: z.string().trim().min(1).max(NAME_MAX).optional(),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  language: Language.optional(),
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

/** A person's own choice of the language they are written to in. */
export const MyLanguageBody = z.strictObject({ language: Language });

export const ResetPasswordBody = z.strictObject({
  password: Password,
  mustChange: z.boolean().default(true).describe('Ask the person to choose a new password at next sign-in'),
});
export const PersonParams = z.object({ id: Id });
export const RoleParams = z.object({ id: Id, roleId: Id });
