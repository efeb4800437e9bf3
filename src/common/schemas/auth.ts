import { z } from 'zod';
import { NAME_MAX, PASSWORD_MAX, TOKEN_NAME_MAX } from '../limits.js';
import { LOCALES } from '../locale.js';
import { ROLES, UNIT_TYPES } from '../org.js';
import { Language, Password, Username } from './people.js';
import { Id, TimeZone, Timestamp } from './shared.js';

export const LoginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(200),
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const Me = z.object({
  accountId: Id,
  username: z.string(),
  personId: Id,
  name: z.string(),
  language: Language,
  mustChangePassword: z.boolean(),
  csrfToken: z.string().describe('Send back as the x-csrf-token header on every change made with the session cookie'),
  scopes: z.array(z.object({ unitId: Id, unitName: z.string(), roles: z.array(z.enum(ROLES)) })),
  isAdmin: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: Password,
});

/** `read`: GET only. `write`: reads and changes. Neither can make tokens or change passwords. */
export const TOKEN_ACCESS = ['read', 'write'] as const;
export type TokenAccess = (typeof TOKEN_ACCESS)[number];
export const TOKEN_DAYS_MAX = 365;
export const TOKEN_DAYS_DEFAULT = 90;

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  access: z.enum(TOKEN_ACCESS),
  modules: z.array(z.string()).nullable().describe('The modules (OpenAPI tags) it may use; null for all'),
  expiresAt: Timestamp,
});
export const CreatedApiToken = ApiToken.extend({
  token: z.string().describe('Shown once; send as Authorization: Bearer <token>'),
});
export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(TOKEN_NAME_MAX),
  access: z.enum(TOKEN_ACCESS).default('read'),
  modules: z
    .array(z.string().regex(/^[a-z][a-z-]{0,39}$/))
    .min(1)
    .max(40)
    .optional()
    .describe('Tags of the operations it may use; all when left out'),
  expiresInDays: z.number().int().min(1).max(TOKEN_DAYS_MAX).default(TOKEN_DAYS_DEFAULT),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;

export const SetupStatus = z.object({ needed: z.boolean() });
export const SetupBody = z.strictObject({
  unit: z.strictObject({
    name: z.string().trim().min(1).max(NAME_MAX),
    type: z.enum(UNIT_TYPES),
    timeZone: TimeZone.optional(),
    locale: z.enum(LOCALES).optional(),
  }),
  admin: z.strictObject({
    name: z.string().trim().min(1).max(NAME_MAX),
    username: Username,
    password: Password,
  }),
});
export type SetupBody = z.infer<typeof SetupBody>;
