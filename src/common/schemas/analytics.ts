import { z } from 'zod';
import { Id } from './shared.js';

/**
 * The bureau's analytics over its subtree: response times, late and missing reports, hazard ageing, hazard statistics.
 */
export const AGE_BUCKETS = ['0-7', '8-30', '31-90', '90+'] as const;

export const AnalyticsQuery = z.object({
  unitId: Id.optional().describe('The unit whose subtree is read; your own units when absent'),
  from: z.iso.date().optional().describe('First local day; 90 days before the last one when absent'),
  last: z.iso.date().optional().describe('Last local day (included); yesterday when absent'),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

const Minutes = z.number().nullable();
export const ResponseTimes = z.object({
  unitId: Id,
  unitName: z.string(),
  acknowledged: z.number().int(),
  ackMedianMinutes: Minutes,
  ackWorstMinutes: Minutes,
  reported: z.number().int(),
  reportMedianMinutes: Minutes,
  reportWorstMinutes: Minutes,
});
export const HeatRow = z.object({ unitId: Id, unitName: z.string(), counts: z.array(z.number().int()) });
export const HazardStat = z.object({
  category: z.string(),
  risk: z.string(),
  found: z.number().int(),
  fixed: z.number().int(),
  overdue: z.number().int(),
});

export const Analytics = z.object({
  unitId: Id,
  unitName: z.string(),
  from: z.string(),
  last: z.string(),
  /**
   * Per unit with at least one chain step in the period; minutes from activation (acknowledge) or from the report
   * (report upward).
   */
  response: z.array(ResponseTimes),
  /** Late and missing daily reports per week (Mondays) for each unit directly below (its whole subtree counted). */
  heat: z.object({ weeks: z.array(z.string()), rows: z.array(HeatRow) }),
  /** Open hazards and supervised items by age in days. */
  ageing: z.object({
    buckets: z.array(z.enum(AGE_BUCKETS)),
    hazards: z.array(z.number().int()),
    supervised: z.array(z.number().int()),
  }),
  /** The period's hazard statistics (a quarter, when the period is one). */
  hazards: z.array(HazardStat),
});
export type Analytics = z.infer<typeof Analytics>;
