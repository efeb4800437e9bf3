import { z } from 'zod';
import { LocalDate } from './plan-content.js';
import { Id, PageQuery, Timestamp } from './shared.js';

/*
 * Daily reports and the zero report (每日报告、零报告): one report per unit and local day while the
 * plan in force requires it, and what supervisors see of them.
 */

/** What an item of a daily report is about. */
export const DAILY_ITEM_KINDS = ['safety', 'incidents', 'problems', 'requests'] as const;
export type DailyItemKind = (typeof DAILY_ITEM_KINDS)[number];

/** The effective status of one unit on one local day. */
export const DAILY_STATUSES = ['on_time', 'late', 'missing', 'not_required', 'pending'] as const;
export type DailyStatus = (typeof DAILY_STATUSES)[number];

export const DAILY_ITEM_TEXT_MAX = 2000;
export const DAILY_ITEMS_MAX = 20;
/** Longest matrix one request may ask for, in days. */
export const MATRIX_DAYS_MAX = 62;
export const MATRIX_DAYS_DEFAULT = 30;
export const TREND_WEEKS_MAX = 52;
export const TREND_WEEKS_DEFAULT = 12;
/** Units listed by name in today's status (late, missing, pending); the counts cover them all. */
export const STATUS_UNITS_MAX = 500;

export const DailyItem = z.strictObject({
  kind: z.enum(DAILY_ITEM_KINDS),
  text: z.string().trim().min(1).max(DAILY_ITEM_TEXT_MAX),
});
export type DailyItem = z.infer<typeof DailyItem>;

/** The one-tap zero report: nothing to report today. */
export const ZeroReportBody = z.strictObject({ unitId: Id });

/** A report with something in it. */
export const ItemsReportBody = z.strictObject({
  unitId: Id,
  items: z.array(DailyItem).min(1).max(DAILY_ITEMS_MAX),
});

export const DailyReport = z.object({
  id: Id,
  unitId: Id,
  day: LocalDate,
  status: z.enum(DAILY_STATUSES),
  zero: z.boolean(),
  items: z.array(DailyItem),
  /** The deadline in force when it arrived, local `HH:MM`; null when none was required. */
  deadline: z.string().nullable(),
  submittedAt: Timestamp,
  submittedBy: z.object({ id: Id, name: z.string() }).nullable(),
});

export const UnitQuery = z.object({ unitId: Id });

/** A unit's today, for the reporting screen. */
export const TodayView = z.object({
  unitId: Id,
  unitName: z.string(),
  day: LocalDate,
  timeZone: z.string(),
  required: z.boolean(),
  deadline: z.string().nullable(),
  deadlineAt: Timestamp.nullable(),
  status: z.enum(DAILY_STATUSES),
  report: DailyReport.nullable(),
});

const Count = z.number().int();
export const StatusCounts = z.object({
  on_time: Count,
  late: Count,
  missing: Count,
  not_required: Count,
  pending: Count,
});
export type StatusCounts = Record<DailyStatus, number>;

export const MatrixQuery = PageQuery.extend({
  /** The subtree's top unit; all of your units when left out. */
  unitId: Id.optional(),
  /** The last day shown (local date); today when left out. */
  end: LocalDate.optional(),
  days: z.coerce.number().int().min(1).max(MATRIX_DAYS_MAX).default(MATRIX_DAYS_DEFAULT),
});

export const MatrixRow = z.object({
  unitId: Id,
  name: z.string(),
  parentId: Id.nullable(),
  depth: z.number().int(),
  /** One per day of `days`; null for a day that has not begun in the unit's own time zone. */
  cells: z.array(z.enum(DAILY_STATUSES).nullable()),
});

export const Matrix = z.object({
  from: LocalDate,
  to: LocalDate,
  days: z.array(LocalDate),
  /** Per day, over every unit of the subtree (not only this page). */
  totals: z.array(StatusCounts),
  units: z.array(MatrixRow),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const StatusQuery = z.object({ unitId: Id.optional() });

export const TodayStatus = z.object({
  at: Timestamp,
  total: z.number().int(),
  counts: StatusCounts,
  /** Units that are late, missing or still pending today, by path; at most STATUS_UNITS_MAX. */
  units: z.array(z.object({ unitId: Id, name: z.string(), day: LocalDate, status: z.enum(DAILY_STATUSES) })),
});

export const TrendQuery = z.object({
  unitId: Id.optional(),
  weeks: z.coerce.number().int().min(1).max(TREND_WEEKS_MAX).default(TREND_WEEKS_DEFAULT),
});

export const Trend = z.object({
  weeks: z.array(StatusCounts.extend({ week: z.string(), from: LocalDate, to: LocalDate })),
});

export const DayParams = z.object({ unitId: Id, day: LocalDate });

export const DayDetail = z.object({
  unitId: Id,
  unitName: z.string(),
  day: LocalDate,
  status: z.enum(DAILY_STATUSES).nullable(),
  report: DailyReport.nullable(),
});

export const ExportQuery = MatrixQuery.omit({ page: true, pageSize: true });
