import { z } from 'zod';
import { Id, Timestamp } from './shared.js';

/*
 * Assessment (考核): a supervising unit's scoring sheet for a period. Computed items are counted
 * from the records; manual items are scored by hand with evidence. Units are scored, never people.
 */

/** Figures Steady can compute from the records; each has a formula in words (server messages). */
export const METRICS = [
  'daily_reports_on_time',
  'incident_steps_on_time',
  'drills_held',
  'drills_evacuation',
  'hazards_fixed_on_time',
  'supervised_closed',
  'directives_signed_on_time',
  'patrols_done',
  'visitors_signed_out',
  'letters_signed',
] as const;
export const Metric = z.enum(METRICS);
export type Metric = z.infer<typeof Metric>;

export const ITEM_KINDS = ['computed', 'manual'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const SHEET_ITEMS_MAX = 30;
/** A sheet's weights are points that add up to this. */
export const WEIGHT_TOTAL = 100;
export const EVIDENCE_MAX = 4000;
export const ANSWER_MAX = 4000;

const Title = z.string().trim().min(1).max(200);
const Guidance = z.string().trim().max(2000).default('');
const Weight = z.number().int().min(1).max(WEIGHT_TOTAL);

export const ComputedItemInput = z.strictObject({
  kind: z.literal('computed'),
  metric: Metric,
  title: Title,
  weight: Weight,
  guidance: Guidance,
});
export const ManualItemInput = z.strictObject({
  kind: z.literal('manual'),
  title: Title,
  weight: Weight,
  guidance: Guidance,
});
export const ItemInput = z.discriminatedUnion('kind', [ComputedItemInput, ManualItemInput]);
export type ItemInput = z.infer<typeof ItemInput>;

const LocalDate = z.iso.date();

export const CreateSheetBody = z.strictObject({
  unitId: Id.describe('The supervising unit; every unit below it is scored'),
  title: Title,
  periodStart: LocalDate.describe('First day, in each unit’s zone'),
  periodEnd: LocalDate.describe('Last day (included)'),
  items: z.array(ItemInput).min(1).max(SHEET_ITEMS_MAX),
});
export type CreateSheetBody = z.infer<typeof CreateSheetBody>;

export const UpdateItemsBody = z.strictObject({
  items: z
    .array(ItemInput.and(z.object({ id: Id.optional().describe('An item kept from the sheet; omit for a new one') })))
    .min(1)
    .max(SHEET_ITEMS_MAX),
});
export type UpdateItemsBody = z.infer<typeof UpdateItemsBody>;

export const HandScoreBody = z.strictObject({
  score: z.number().int().min(0),
  evidence: z.string().trim().min(1).max(EVIDENCE_MAX),
});
export const AnswerBody = z.strictObject({ text: z.string().trim().min(1).max(ANSWER_MAX) });

export const SheetItem = z.object({
  id: Id,
  position: z.number().int(),
  kind: z.enum(ITEM_KINDS),
  metric: Metric.nullable(),
  title: z.string(),
  weight: z.number().int(),
  guidance: z.string(),
  /** How the figure is computed, in the reader’s language; for a manual item, how it is scored. */
  formula: z.string(),
});

export const Sheet = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  /** The supervising unit's zone: the period's instants are read in it. */
  timeZone: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  items: z.array(SheetItem),
  /** The reader may change items, weights and hand scores (they manage the supervising unit). */
  canEdit: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Sheet = z.infer<typeof Sheet>;

export const SheetSummary = Sheet.omit({ items: true });
export const SheetList = z.object({ items: z.array(SheetSummary) });

/** One item's figure for one unit. `points` is null when there is no data: never a perfect score. */
export const ItemScore = z.object({
  itemId: Id,
  /** Records that met the rule, and records counted; null for a manual item. */
  met: z.number().int().nullable(),
  counted: z.number().int().nullable(),
  points: z.number().nullable(),
  noData: z.boolean(),
  evidence: z.string().nullable(),
  scoredAt: Timestamp.nullable(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
});
export type ItemScore = z.infer<typeof ItemScore>;

export const UnitScore = z.object({
  unitId: Id,
  unitName: z.string(),
  unitType: z.string(),
  /** 1 first; null when the unit has no data at all. Equal totals share a rank. */
  rank: z.number().int().nullable(),
  /** Points earned over the weight of the items with data, as a percentage (one decimal). */
  total: z.number().nullable(),
  earned: z.number(),
  /** The weight of items with data; 100 when every item had some. */
  assessedWeight: z.number().int(),
  items: z.array(ItemScore),
});
export type UnitScore = z.infer<typeof UnitScore>;

export const Ranking = z.object({ sheet: Sheet, units: z.array(UnitScore) });
export type Ranking = z.infer<typeof Ranking>;

export const UnitSheet = z.object({ sheet: Sheet, score: UnitScore, canAnswer: z.boolean() });
export type UnitSheet = z.infer<typeof UnitSheet>;

export const RecordBehind = z.object({
  kind: z.string(),
  id: z.string(),
  at: z.string(),
  ok: z.boolean(),
  label: z.string(),
  link: z.string().nullable(),
});
export const RecordsBehind = z.object({
  formula: z.string(),
  met: z.number().int(),
  counted: z.number().int(),
  records: z.array(RecordBehind),
});
