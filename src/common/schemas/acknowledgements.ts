import { z } from 'zod';

/** The acknowledge link's token: 32 URL-safe characters, nothing else. */
export const AckToken = z.string().regex(/^[A-Za-z0-9_-]{32}$/);
export const AckParams = z.object({ token: AckToken });

/** What the one-tap page shows: the incident in a few words and whether the step is acknowledged. */
export const AckView = z.object({
  state: z.enum(['open', 'acknowledged', 'closed']),
  /** How this link's step was acknowledged, when it was. */
  via: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  unitName: z.string(),
  type: z.string(),
  severity: z.number().int(),
  drill: z.boolean(),
  dueAt: z.string(),
  reportedAt: z.string(),
  locale: z.string(),
  /** The unit's own zone: the page shows the deadline as the unit keeps time. */
  timeZone: z.string(),
});
export type AckView = z.infer<typeof AckView>;
