import type { Selectable } from 'kysely';
import type { DailyStatus } from '../../../common/schemas/daily-reports.js';

/** What a unit sent for one local day: a zero report, or items. */
export interface DailyReportTable {
  id: string;
  unit_id: string;
  /** The unit's local date, `YYYY-MM-DD`. */
  day: string;
  /** on_time, late or not_required, judged by the rules in force when it arrived. */
  status: DailyStatus;
  zero: number;
  items_json: string;
  /** The deadline in force then, local `HH:MM`; null when none was required. */
  deadline: string | null;
  submitted_at: string;
  submitted_by_person_id: string | null;
}

/**
 * A unit's statuses for one local month, one character per day (day 1 first, 31 characters); see
 * day-codes.ts for the alphabet. The supervisor's matrix reads these rows, never the reports.
 */
export interface DailyReportMonthTable {
  month: string;
  unit_id: string;
  days: string;
}

/** One row (id 1): the audit sequence number up to which published plans have been applied. */
export type DailyReportRow = Selectable<DailyReportTable>;
export type DailyReportMonthRow = Selectable<DailyReportMonthTable>;

/** This module's tables, as `Database` extends them. */
export interface DailyReportTables {
  daily_reports: DailyReportTable;
  daily_report_months: DailyReportMonthTable;
}
