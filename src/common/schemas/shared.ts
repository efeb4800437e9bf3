import { z } from 'zod';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../limits.js';
import { isValidTimeZone, LOCALES, type Locale } from '../locale.js';

export const Id = z.uuid();
export const Timestamp = z.string().describe('ISO-8601 UTC time');
/** An idempotency key made on the device for a write that may be sent again after being offline. */
export const ClientKey = z.uuid().describe('Made on the device; the same key sent again answers what was stored');

/** Messages for custom checks are keys the server translates; see src/server/lib/messages.ts. */
export const TimeZone = z.string().refine(isValidTimeZone, { params: { key: 'field.timeZone' } });

/** An official document (CAP alert, report, after-action report) is in its unit's language unless asked otherwise. */
export const DocumentQuery = z.object({
  lang: z.enum(LOCALES).optional().describe('The document’s language; the unit’s when not given'),
});

/** The language an official document is written in: the one asked for, else the unit's. */
export const documentLocale = (asked: Locale | undefined, unitLocale: string): Locale =>
  asked ?? (unitLocale === 'en' ? 'en' : 'zh-CN');

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** RFC 9457 problem details, with the bad fields named. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/**
 * Severity as the Emergency Response Law (art. 3) grades it: 1 = Ⅰ 特别重大 (most severe) … 4 = Ⅳ 一般.
 * The description is what the OpenAPI document says of every severity field.
 */
export const Severity = z
  .number()
  .int()
  .min(1)
  .max(4)
  .describe(
    'Severity grade as in the Emergency Response Law, art. 3: 1 = Ⅰ 特别重大 (particularly serious), 2 = Ⅱ 重大 (serious), ' +
      '3 = Ⅲ 较大 (relatively serious), 4 = Ⅳ 一般 (ordinary). ' +
      'Ⅰ–Ⅱ also call by voice when an SMS is not acknowledged in time.',
  );
