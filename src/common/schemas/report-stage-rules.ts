import { z } from 'zod';

/*
 * The time limits of staged incident reports (信息报送) that a plan sets. Defaults: the verbal
 * report within 30 minutes and the written first report within an hour (the education system's
 * usual rule), each level forwarding upward within 2 hours, and casualty changes re-reported within
 * 30 days, 7 for road traffic and fire (accident reporting regulation, art. 16). The daily follow-up
 * time and the final report's days are Steady's defaults, not national figures.
 */

const Minutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);
/** Local `HH:MM` in the unit's zone (the same check as the plan's other times). */
const Time = z.string().refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { params: { key: 'field.localTime' } });

export const ReportStageRules = z.strictObject({
  /** 口头报告 (by phone) to the unit above: minutes from the incident's report. */
  verbalMinutes: Minutes.default(30),
  /** 首报, the first written report: minutes from the incident's report. */
  firstMinutes: Minutes.default(60),
  /** 续报 is due every day, at this local time, while the incident is not over (from the next day). */
  followUpTime: Time.default('16:00'),
  /** 终报: days after the incident is under control (or closed). */
  finalDays: z.number().int().min(1).max(60).default(5),
  /** A unit that forwards a received report upward does so within these minutes. */
  forwardMinutes: Minutes.default(120),
  /** 补报 of changed casualty figures: days from the incident, and for road traffic and fire. */
  supplementDays: z.number().int().min(1).max(365).default(30),
  supplementDaysRoadOrFire: z.number().int().min(1).max(365).default(7),
  /** The reminder before a 补报 falls due. */
  supplementReminderHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(24),
});
export type ReportStageRules = z.infer<typeof ReportStageRules>;

/** What a PATCH of a plan draft may name: any single limit; the rest are kept as stored. */
export const ReportStageRulesPatch = z.strictObject({
  verbalMinutes: Minutes.optional(),
  firstMinutes: Minutes.optional(),
  followUpTime: Time.optional(),
  finalDays: z.number().int().min(1).max(60).optional(),
  forwardMinutes: Minutes.optional(),
  supplementDays: z.number().int().min(1).max(365).optional(),
  supplementDaysRoadOrFire: z.number().int().min(1).max(365).optional(),
  supplementReminderHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .optional(),
});

export const REPORT_STAGE_DEFAULTS: ReportStageRules = ReportStageRules.parse({});

/** A special period makes every limit stricter: the shorter time and the earlier follow-up hour win. */
export function stricterStages(base: ReportStageRules, special: ReportStageRules): ReportStageRules {
  const entries = Object.entries(base).map(([key, value]) => {
    const other = special[key as keyof ReportStageRules];
    return [
      key,
      typeof value === 'number' ? Math.min(value, other as number) : value <= (other as string) ? value : other,
    ];
  });
  return { ...base, ...Object.fromEntries(entries) } as ReportStageRules;
}
