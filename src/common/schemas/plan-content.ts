import { z } from 'zod';
import { DRILL_PERIODS, DRILL_TYPES, INCIDENT_TYPES, ROLES, UNIT_TYPES } from '../org.js';
import { Id } from './shared.js';
import { REPORT_STAGE_DEFAULTS, ReportStageRules, ReportStageRulesPatch } from './report-stage-rules.js';

/*
 * A plan's content: the structured data that drives the rest of Steady and prints as the document
 * a unit files. Every section may be left blank while drafting; publishing checks completeness.
 */

export const PLAN_TEXT_MAX = 20_000;
export const PLAN_LIST_MAX = 50;
export const CHAIN_STEPS_MAX = 10;

const Text = z.string().max(PLAN_TEXT_MAX);
const ShortText = z.string().trim().max(200);
/** Local wall-clock time, `HH:MM`, in the unit's time zone. */
export const LocalTime = z
  .string()
  .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { params: { key: 'field.localTime' } });
/** A calendar date, `YYYY-MM-DD`, in the unit's time zone. */
export const LocalDate = z.iso.date();

export const LeadershipGroup = z.strictObject({
  /** 组长: usually the accountable head. */
  leaderId: Id.nullable().default(null),
  /** 副组长 */
  deputyIds: z.array(Id).max(PLAN_LIST_MAX).default([]),
  /** 成员 */
  memberIds: z.array(Id).max(PLAN_LIST_MAX).default([]),
  /** 领导小组办公室 and the person who answers for it. */
  officeName: ShortText.default(''),
  officeContactId: Id.nullable().default(null),
});

export const RoleDuty = z.strictObject({
  /** Whose duty: a title as the plan writes it (组长, 班主任, 门卫…). */
  title: ShortText.min(1),
  text: Text,
});

export const ProcedureStep = z.strictObject({
  what: z.string().trim().min(1).max(1000),
  /** Who does it: a role in this unit, or free text when the plan names a group. */
  role: z.enum(ROLES).nullable().default(null),
  who: ShortText.default(''),
  /** Minutes from the report of the incident; null when the plan sets no time. */
  withinMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .nullable()
    .default(null),
});

export const ResponseProcedure = z.strictObject({
  incidentType: z.enum(INCIDENT_TYPES),
  steps: z.array(ProcedureStep).max(30).default([]),
});

/**
 * Where a chain step's people sit: this unit, the parent unit, the nearest unit above of a type
 * (`unitType`: "the nearest education bureau above"), or a chosen unit above (`unitId`).
 */
export const CHAIN_TARGETS = ['unit', 'parent', 'nearest', 'ancestor'] as const;
export type ChainTarget = (typeof CHAIN_TARGETS)[number];

/** One step of the reporting chain: whom to tell, and by when, counted from the report. */
export const ChainStep = z.strictObject({
  /** `notify`: the people must acknowledge. `report`: a formal report upward must be filed. */
  kind: z.enum(['notify', 'report']),
  target: z.enum(CHAIN_TARGETS),
  /** With `target: 'nearest'`: the type of unit to look for above (the county bureau two levels up). */
  unitType: z.enum(UNIT_TYPES).optional(),
  /** With `target: 'ancestor'`: the chosen unit above. */
  unitId: Id.optional(),
  role: z.enum(ROLES),
  deadlineMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30),
  note: ShortText.default(''),
});

export const DutyRules = z.strictObject({
  twentyFourHour: z.boolean().default(true),
  shiftPattern: z.enum(['24h', 'day_night']).default('24h'),
  dutyLeaderRequired: z.boolean().default(true),
  /** Night patrol window, e.g. 22:00–06:00; null when the plan sets none. */
  patrolWindow: z.strictObject({ start: LocalTime, end: LocalTime }).nullable().default(null),
  minUnannouncedPatrols: z.number().int().min(0).max(20).default(0),
  minPatrolsPerDay: z.number().int().min(0).max(48).default(0),
  gateStaffed24h: z.boolean().default(false),
});

export const DailyReportRules = z.strictObject({
  required: z.boolean().default(false),
  deadline: LocalTime.default('15:00'),
});

export const DrillRequirement = z.strictObject({
  type: z.enum(DRILL_TYPES),
  /** How many a term; a shorter period asks for its share of them, at least one. */
  perTerm: z.number().int().min(0).max(50),
  /**
   * The plan's own frequency: the period in which its share must be held. Left out, evacuation
   * drills follow the national guidance's calendar (schools monthly, kindergartens quarterly).
   */
  every: z.enum(DRILL_PERIODS).optional(),
});

export const PlanContent = z.strictObject({
  purpose: Text.default(''),
  basis: Text.default(''),
  scope: Text.default(''),
  principles: Text.default(''),
  leadership: LeadershipGroup.default({
    leaderId: null,
    deputyIds: [],
    memberIds: [],
    officeName: '',
    officeContactId: null,
  }),
  duties: z.array(RoleDuty).max(PLAN_LIST_MAX).default([]),
  procedures: z.array(ResponseProcedure).max(INCIDENT_TYPES.length).default([]),
  reportingChain: z.array(ChainStep).max(CHAIN_STEPS_MAX).default([]),
  duty: DutyRules.default({
    twentyFourHour: true,
    shiftPattern: '24h',
    dutyLeaderRequired: true,
    patrolWindow: null,
    minUnannouncedPatrols: 0,
    minPatrolsPerDay: 0,
    gateStaffed24h: false,
  }),
  dailyReport: DailyReportRules.default({ required: false, deadline: '15:00' }),
  drills: z.array(DrillRequirement).max(DRILL_TYPES.length).default([]),
  visitorRetentionDays: z.number().int().min(1).max(3650).default(180),
  /** During a special period: heads may not leave without approved leave. */
  leaveApprovalRequired: z.boolean().default(false),
  discipline: Text.default(''),
  accountability: Text.default(''),
  /** Time limits of the staged incident reports (信息报送). */
  reportStages: ReportStageRules.default(REPORT_STAGE_DEFAULTS),
});
export type PlanContent = z.infer<typeof PlanContent>;

/**
 * What a PATCH of a draft may name: any section, and inside the leadership group, duty rules and
 * daily-report rules and report time limits any single setting; lists are replaced whole. Nothing has a default here,
 * so
 * a section the request leaves out is kept as it is instead of being reset.
 */
export const PlanContentPatch = z.strictObject({
  purpose: Text.optional(),
  basis: Text.optional(),
  scope: Text.optional(),
  principles: Text.optional(),
  leadership: z
    .strictObject({
      leaderId: Id.nullable().optional(),
      deputyIds: z.array(Id).max(PLAN_LIST_MAX).optional(),
      memberIds: z.array(Id).max(PLAN_LIST_MAX).optional(),
      officeName: ShortText.optional(),
      officeContactId: Id.nullable().optional(),
    })
    .optional(),
  duties: z.array(RoleDuty).max(PLAN_LIST_MAX).optional(),
  procedures: z.array(ResponseProcedure).max(INCIDENT_TYPES.length).optional(),
  reportingChain: z.array(ChainStep).max(CHAIN_STEPS_MAX).optional(),
  duty: z
    .strictObject({
      twentyFourHour: z.boolean().optional(),
      shiftPattern: z.enum(['24h', 'day_night']).optional(),
      dutyLeaderRequired: z.boolean().optional(),
      patrolWindow: z.strictObject({ start: LocalTime, end: LocalTime }).nullable().optional(),
      minUnannouncedPatrols: z.number().int().min(0).max(20).optional(),
      minPatrolsPerDay: z.number().int().min(0).max(48).optional(),
      gateStaffed24h: z.boolean().optional(),
    })
    .optional(),
  dailyReport: z.strictObject({ required: z.boolean().optional(), deadline: LocalTime.optional() }).optional(),
  drills: z.array(DrillRequirement).max(DRILL_TYPES.length).optional(),
  visitorRetentionDays: z.number().int().min(1).max(3650).optional(),
  leaveApprovalRequired: z.boolean().optional(),
  discipline: Text.optional(),
  accountability: Text.optional(),
  reportStages: ReportStageRulesPatch.optional(),
});
export type PlanContentPatch = z.infer<typeof PlanContentPatch>;

const NESTED_SECTIONS = ['leadership', 'duty', 'dailyReport', 'reportStages'] as const;

/** The stored content with only what the patch names changed; the result is whole content again. */
export function applyContentPatch(stored: PlanContent, patch: PlanContentPatch): PlanContent {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const nested = (NESTED_SECTIONS as readonly string[]).includes(key) && value !== null;
    merged[key] = nested ? { ...(stored[key as keyof PlanContent] as object), ...definedOnly(value as object) } : value;
  }
  return PlanContent.parse(merged);
}

const definedOnly = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
export type ChainStep = z.infer<typeof ChainStep>;

/** A special period (exam week, holidays, a major event): local dates, both days included. */
export const SpecialPeriod = z.strictObject({
  name: ShortText.min(1),
  startDate: LocalDate,
  endDate: LocalDate.nullable(),
});
export type SpecialPeriod = z.infer<typeof SpecialPeriod>;
