import { z } from 'zod';
import { DRILL_PERIODS, DRILL_TYPES } from '../org.js';
import { LocalDate } from './plan-content.js';
import { Id, PageQuery, Timestamp, pageOf } from './shared.js';

/** Evacuation of a building of four storeys or fewer: within two minutes (the 2014 drill guide). */
export const EVACUATION_TARGET_SECONDS = 120;

export const DRILL_STATUSES = ['planned', 'done'] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];

export const ScheduleDrillBody = z.strictObject({
  unitId: Id,
  type: z.enum(DRILL_TYPES),
  plannedDate: LocalDate,
  title: z.string().trim().min(1).max(100),
});

export const RecordDrillBody = z.strictObject({
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }),
  participants: z.number().int().min(1).max(100_000),
  evacuationSeconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .optional(),
  evaluation: z.string().trim().min(1).max(5000),
  problems: z.array(z.string().trim().min(1).max(500)).max(30).default([]),
});

export const Drill = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  type: z.enum(DRILL_TYPES),
  title: z.string(),
  plannedDate: z.string().nullable(),
  status: z.enum(DRILL_STATUSES),
  startedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  participants: z.number().int().nullable(),
  evacuationSeconds: z.number().int().nullable(),
  /** Evacuation within the target time, when timed. */
  evacuationOnTarget: z.boolean().nullable(),
  evaluation: z.string().nullable(),
  problems: z.array(z.string()),
});
export const DrillPage = pageOf(Drill);
export const DrillListQuery = PageQuery.extend({ unitId: Id.optional() });

export const COMPLIANCE_STATES = ['on_schedule', 'due_soon', 'overdue', 'not_required'] as const;
export const DrillCompliance = z.object({
  units: z.array(
    z.object({
      unitId: Id,
      unitName: z.string(),
      state: z.enum(COMPLIANCE_STATES),
      types: z.array(
        z.object({
          type: z.enum(DRILL_TYPES),
          perTerm: z.number().int(),
          every: z.enum(DRILL_PERIODS).describe('The calendar period counted in, in the unit’s zone'),
          required: z.number().int().describe('Drills the period needs'),
          periodStart: z.string().describe('First local date of the current period'),
          periodEnd: z.string().describe('Last local date of the current period'),
          held: z.number().int().describe('Drills held in the current period'),
          lastDone: z.string().nullable(),
          dueBy: z.string().nullable().describe('Last local date to hold the next one on time (past when overdue)'),
          state: z.enum(COMPLIANCE_STATES),
        }),
      ),
    }),
  ),
});
