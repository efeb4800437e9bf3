import { PlanContent } from '../../../common/schemas/plan-content.js';
import { periodBounds } from '../../../common/time.js';
import type { PlanVersionRow } from './plans.table.js';
import type { PlanWithUnit } from './plans.repository.js';

/* What a plan version says of itself: its special period, the people it names, whether it rules now. */

export const periodOf = (row: PlanVersionRow) =>
  row.period_start ? { name: row.period_name ?? '', startDate: row.period_start, endDate: row.period_end } : null;

/** The people a version names, so it can be shown without another request. */
export function namedPeople(row: PlanVersionRow): string[] {
  const { leadership } = PlanContent.parse(JSON.parse(row.content_json));
  return [
    leadership.leaderId,
    leadership.officeContactId,
    ...leadership.deputyIds,
    ...leadership.memberIds,
    row.approved_by_person_id,
  ].filter((x): x is string => Boolean(x));
}

/** Whether the published version rules now: always for a standing plan, within its dates for a period. */
export function inForce(plan: PlanWithUnit, published: PlanVersionRow | undefined, now: Date): boolean {
  if (!published) return false;
  if (plan.kind === 'standing') return true;
  if (!published.period_start) return false;
  const { startsAt, endsAt } = periodBounds(published.period_start, published.period_end, plan.unit_time_zone);
  return now >= startsAt && (!endsAt || now < endsAt);
}
