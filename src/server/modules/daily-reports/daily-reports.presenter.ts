import type { z } from 'zod';
import type { DailyItem, DailyReport } from '../../../common/schemas/daily-reports.js';
import type { DailyReportRow } from './daily-reports.table.js';

export type ReportWithName = DailyReportRow & { submitted_by_name?: string | null };

/** A stored report as it leaves the server; the sender's name only, nothing else about them. */
export function presentReport(r: ReportWithName): z.infer<typeof DailyReport> {
  return {
    id: r.id,
    unitId: r.unit_id,
    day: r.day,
    status: r.status,
    zero: r.zero === 1,
    items: JSON.parse(r.items_json) as DailyItem[],
    deadline: r.deadline,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by_person_id ? { id: r.submitted_by_person_id, name: r.submitted_by_name ?? '' } : null,
  };
}
