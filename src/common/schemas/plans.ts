import { z } from 'zod';
import { LOCALES } from '../locale.js';
import { UNIT_TYPES } from '../org.js';
import { BLANK_SECTIONS } from '../plan-blanks.js';
import { PlanContent, PlanContentPatch, SpecialPeriod } from './plan-content.js';
import { Id, PageQuery, Timestamp, pageOf } from './shared.js';

export const PLAN_KINDS = ['standing', 'special_period'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_STATUSES = ['draft', 'published', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const TEMPLATE_IDS = [
  'school',
  'kindergarten',
  'community',
  'special_period',
  'special_period_community',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A person a plan refers to (leadership group, office contact), resolved for display. */
export const PlanPerson = z.object({ id: Id, name: z.string(), phone: z.string().nullable() });

/** A 【待填写】 blank still in a plan: its section, its field and its words. */
export const PlanBlank = z.object({ section: z.enum(BLANK_SECTIONS), field: z.string(), text: z.string() });

/** One version of a plan, with everything needed to show, print or export it. */
export const PlanVersion = z.object({
  id: Id,
  planId: Id,
  unitId: Id,
  unitName: z.string(),
  unitType: z.enum(UNIT_TYPES),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  locale: z.enum(LOCALES),
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  period: SpecialPeriod.nullable(),
  /** A special-period plan's rules reach the units below this one too. */
  coversSubUnits: z.boolean(),
  content: PlanContent,
  people: z.array(PlanPerson),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  publishedAt: Timestamp.nullable(),
  approvedBy: PlanPerson.nullable(),
  /** The template blanks left, section by section, computed by the server (publish and export warn of them). */
  blanks: z.array(PlanBlank),
});

/** A plan just published, with what the publisher should know of its effect (e.g. a rule from tomorrow). */
export const PublishedPlan = PlanVersion.extend({
  notices: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type PublishedPlan = z.infer<typeof PublishedPlan>;
export type PlanVersion = z.infer<typeof PlanVersion>;

export const PlanSummary = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  period: SpecialPeriod.nullable(),
  /** The version in force or last published; null before the first publication. */
  publishedVersion: z.number().int().nullable(),
  draftVersion: z.number().int().nullable(),
  inForce: z.boolean(),
  updatedAt: Timestamp,
});
export const PlanPage = pageOf(PlanSummary);
export const PlanListQuery = PageQuery.extend({ unitId: Id.optional(), subtree: z.enum(['true', 'false']).optional() });

export const CreatePlanBody = z.strictObject({
  unitId: Id,
  template: z.enum(TEMPLATE_IDS),
  locale: z.enum(LOCALES).optional().describe('Defaults to the unit’s language'),
  period: SpecialPeriod.optional().describe('Required for a special-period plan'),
});

export const UpdateDraftBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  period: SpecialPeriod.optional(),
  coversSubUnits: z.boolean().optional(),
  content: PlanContentPatch.optional().describe(
    'Only the sections (and settings) named change; the rest stays as stored',
  ),
});

export const PlanParams = z.object({ id: Id });
export const PlanVersionParams = z.object({ id: Id, version: z.coerce.number().int().min(1) });
export const DiffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

/** One changed field between two versions, as readable before/after text. */
export const PlanChange = z.object({ path: z.string(), label: z.string(), before: z.string(), after: z.string() });
export const PlanDiff = z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(PlanChange) });

/** What the unit's page shows: which plan is in force now and until when. */
export const RulesInForceView = z.object({
  unitId: Id,
  at: Timestamp,
  standingPlan: z.object({ planId: Id, version: z.number().int(), title: z.string() }).nullable(),
  specialPeriods: z.array(
    z.object({
      planId: Id,
      unitId: Id,
      title: z.string(),
      name: z.string(),
      startsAt: Timestamp,
      endsAt: Timestamp.nullable(),
    }),
  ),
  dailyReport: z.object({ required: z.boolean(), deadline: z.string() }),
  leaveApprovalRequired: z.boolean(),
  dutyLeaderRequired: z.boolean(),
  twentyFourHourDuty: z.boolean(),
});
