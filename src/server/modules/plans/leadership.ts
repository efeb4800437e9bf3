import type { Role } from '../../../common/org.js';
import type { PlanContent } from '../../../common/schemas/plan-content.js';

interface Holder {
  id: string;
  role: string;
}

/**
 * Fills a template's leadership group from the unit's people: the accountable head leads, the
 * safety officer runs the office, duty leaders are members. Whatever is not found stays blank for
 * a person to decide; publishing refuses blanks that matter.
 */
export function fillLeadership(content: PlanContent, holders: Holder[]): PlanContent {
  const withRole = (role: Role) => [...new Set(holders.filter((h) => h.role === role).map((h) => h.id))];
  const leaderId = withRole('accountable_head')[0] ?? null;
  const officeContactId = withRole('safety_officer')[0] ?? null;
  const memberIds = [...new Set([...withRole('safety_officer'), ...withRole('duty_leader')])].filter(
    (id) => id !== leaderId,
  );
  return {
    ...content,
    leadership: { ...content.leadership, leaderId, officeContactId, deputyIds: [], memberIds },
  };
}
