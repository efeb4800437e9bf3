import { z } from 'zod';
import { ROLES } from '../org.js';
import { LocalDate } from './plan-content.js';
import { Id, PageQuery, Timestamp, pageOf } from './shared.js';

/*
 * The inspections API's request and response shapes. The web imports only their types
 * (`import type`), so zod stays out of the browser bundle.
 */

/** The checklist templates Steady ships (their items are files the server reads: exports/checklists/). */
export const CHECKLIST_IDS = [
  'canteen',
  'dormitory',
  'gate',
  'fire',
  'electrical',
  'traffic',
  'rental-housing-fire',
] as const;
export type ChecklistId = (typeof CHECKLIST_IDS)[number];

export const RESULTS = ['pass', 'fail', 'na'] as const;
export type InspectionResult = (typeof RESULTS)[number];
/** 重大 is above 高: a major hazard, as the hazard rules name it. */
export const TASK_RISKS = ['low', 'medium', 'high', 'major'] as const;
export type TaskRisk = (typeof TASK_RISKS)[number];
export const TASK_STATES = ['open', 'awaiting_verification', 'reopened', 'closed'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const CADENCES = ['weekly', 'monthly', 'termly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const SOURCE_KINDS = ['inspection', 'drill', 'incident'] as const;
export type TaskSourceKind = (typeof SOURCE_KINDS)[number];

export const CHECKLIST_NAME_MAX = 100;
export const ITEM_TEXT_MAX = 500;
export const GUIDANCE_MAX = 2000;
export const ITEMS_MAX = 200;
export const NOTE_MAX = 2000;
export const TASK_TITLE_MAX = 500;
/** Photos one answer or one task step may carry. */
export const PHOTOS_PER_STEP_MAX = 6;
export const FIX_DAYS_MAX = 90;

const Text = (max: number) => z.string().trim().min(1).max(max);
const Note = z.string().trim().max(NOTE_MAX).default('');
const When = z.iso.datetime({ offset: true });
const PhotoIds = z.array(Id).max(PHOTOS_PER_STEP_MAX).default([]);

export const ItemInput = z.strictObject({
  /** Kept to match earlier runs; a new item leaves it out and gets the next free code. */
  code: z
    .string()
    .regex(/^[A-Z]{1,3}\d{2,3}$/)
    .optional(),
  text: Text(ITEM_TEXT_MAX),
  guidance: z.string().trim().max(GUIDANCE_MAX).default(''),
  risk: z.enum(TASK_RISKS).default('medium'),
  /** Days allowed to fix a failure of this item, unless the inspector sets another deadline. */
  fixDays: z.number().int().min(1).max(FIX_DAYS_MAX).default(7),
});

export const CopyTemplateBody = z.strictObject({
  unitId: Id,
  templateId: z.enum(CHECKLIST_IDS),
  /** Defaults to the template's area in the unit's language. */
  name: Text(CHECKLIST_NAME_MAX).optional(),
});

export const UpdateChecklistBody = z.strictObject({
  name: Text(CHECKLIST_NAME_MAX).optional(),
  items: z.array(ItemInput).min(1).max(ITEMS_MAX).optional(),
});

export const ChecklistItem = z.object({
  code: z.string(),
  text: z.string(),
  guidance: z.string(),
  risk: z.enum(TASK_RISKS),
  fixDays: z.number().int(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Checklist = z.object({
  id: Id,
  unitId: Id,
  templateId: z.string().nullable(),
  name: z.string(),
  locale: z.string(),
  items: z.array(ChecklistItem),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const ChecklistSummary = Checklist.omit({ items: true }).extend({
  itemCount: z.number().int(),
  lastRunAt: Timestamp.nullable(),
});

export const TemplateView = z.object({
  id: z.enum(CHECKLIST_IDS),
  area: z.string(),
  frequency: z.enum(CADENCES),
  itemCount: z.number().int(),
  /** Written for this kind of unit. */
  suits: z.boolean(),
});

export const ScheduleBody = z.strictObject({
  unitId: Id,
  checklistId: Id,
  cadence: z.enum(CADENCES),
  /** Whose holders in the unit run it and are reminded, e.g. safety_officer weekly, accountable_head monthly. */
  role: z.enum(ROLES),
  nextDueDate: LocalDate,
});
export const UpdateScheduleBody = ScheduleBody.omit({ unitId: true, checklistId: true })
  .partial()
  .extend({ active: z.boolean().optional() });

export const Schedule = z.object({
  id: Id,
  unitId: Id,
  checklistId: Id,
  checklistName: z.string(),
  cadence: z.enum(CADENCES),
  role: z.enum(ROLES),
  nextDueDate: z.string(),
  active: z.boolean(),
});

export const TaskChoice = z.strictObject({
  /** A person of the unit; the inspector when left out. */
  ownerPersonId: Id.optional(),
  /** The item's fix days from now when left out. */
  dueAt: When.optional(),
  risk: z.enum(TASK_RISKS).optional(),
});

export const Answer = z.strictObject({
  itemCode: z.string().trim().min(1).max(10),
  result: z.enum(RESULTS),
  note: Note,
  photoIds: PhotoIds,
  /** Only for a failure: who fixes it, by when, how serious. */
  task: TaskChoice.optional(),
});

export const RunBody = z.strictObject({
  checklistId: Id,
  note: Note,
  answers: z.array(Answer).min(1).max(ITEMS_MAX),
});
export type RunBody = z.infer<typeof RunBody>;

export const Inspection = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  checklistId: Id,
  checklistName: z.string(),
  inspector: z.string(),
  submittedAt: Timestamp,
  note: z.string(),
  counts: z.object({ pass: z.number().int(), fail: z.number().int(), na: z.number().int() }),
  results: z.array(
    z.object({
      itemCode: z.string(),
      itemText: z.string(),
      result: z.enum(RESULTS),
      note: z.string(),
      photoIds: z.array(Id),
      taskId: Id.nullable(),
    }),
  ),
});
export const InspectionSummary = Inspection.omit({ results: true });
export const InspectionPage = pageOf(InspectionSummary);

export const CreateTaskBody = z.strictObject({
  unitId: Id,
  title: Text(TASK_TITLE_MAX),
  ownerPersonId: Id,
  dueAt: When,
  risk: z.enum(TASK_RISKS),
  /** Where the problem was found; a drill's "problems found" become tasks this way. */
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('drill'), drillId: Id, problem: Text(TASK_TITLE_MAX) }),
  ]),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const UpdateTaskBody = z.strictObject({
  title: Text(TASK_TITLE_MAX).optional(),
  ownerPersonId: Id.optional(),
  dueAt: When.optional(),
  risk: z.enum(TASK_RISKS).optional(),
});

export const ReportFixedBody = z.strictObject({ note: Note, photoIds: PhotoIds });
export const VerifyBody = z.strictObject({
  /** accept closes the task (an after photo is needed); reject reopens it. */
  decision: z.enum(['accept', 'reject']),
  note: Note,
  photoIds: PhotoIds,
  /** A new deadline when reopening. */
  dueAt: When.optional(),
});
export const SuperviseBody = z.strictObject({ note: Note });

export const TaskEvent = z.object({
  id: Id,
  at: Timestamp,
  kind: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
  photoIds: z.array(Id),
});

export const Task = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  risk: z.enum(TASK_RISKS),
  source: z.object({
    kind: z.enum(SOURCE_KINDS),
    id: z.string().nullable(),
    label: z.string(),
    itemCode: z.string().nullable(),
    detail: z.string().nullable(),
  }),
  ownerPersonId: Id,
  ownerName: z.string(),
  dueAt: Timestamp,
  state: z.enum(TASK_STATES),
  /** Past its deadline and not closed. */
  overdue: z.boolean(),
  overdueAt: Timestamp.nullable(),
  reportedFixedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  verifiedBy: z.string().nullable(),
  supervision: z
    .object({ unitId: Id, unitName: z.string(), by: z.string(), at: Timestamp, note: z.string() })
    .nullable(),
  createdAt: Timestamp,
  events: z.array(TaskEvent),
  /** What the asking user may do now (the server checks again). */
  can: z.object({ reportFixed: z.boolean(), verify: z.boolean(), supervise: z.boolean(), edit: z.boolean() }),
});

const Flag = z.enum(['true', 'false']).optional();
export const LedgerQuery = PageQuery.extend({
  unitId: Id.optional().describe('A unit you can see; your own units when left out'),
  subtree: z.enum(['true', 'false']).default('true').describe('Include the units below'),
  state: z.enum(TASK_STATES).optional(),
  risk: z.enum(TASK_RISKS).optional(),
  overdue: Flag.describe('Only past their deadline and not closed (or only not)'),
  supervised: Flag.describe('Only supervised by a parent unit (or only not)'),
  from: LocalDate.optional().describe('Found on or after this local day'),
  to: LocalDate.optional().describe('Found on or before this local day'),
  sourceId: Id.optional().describe('Only the tasks made from this source (a drill or an inspection run)'),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

export const LedgerRow = z.object({
  taskId: Id,
  unitId: Id,
  unitName: z.string(),
  foundAt: Timestamp,
  sourceKind: z.enum(SOURCE_KINDS),
  sourceLabel: z.string(),
  /** What the source said of it: the drill's problem, the inspector's note. */
  sourceDetail: z.string().nullable(),
  itemCode: z.string().nullable(),
  title: z.string(),
  risk: z.enum(TASK_RISKS),
  ownerName: z.string(),
  dueAt: Timestamp,
  state: z.enum(TASK_STATES),
  overdue: z.boolean(),
  supervisedBy: z.string().nullable(),
  reportedFixedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  verifiedBy: z.string().nullable(),
});
export type LedgerRow = z.infer<typeof LedgerRow>;
export const LedgerPage = pageOf(LedgerRow);
