import type { z } from 'zod';
import type { Leave } from '../../../common/schemas/leave.js';
import type * as repo from './leave.repository.js';

type LeaveView = z.infer<typeof Leave>;
type PersonRef = LeaveView['head'];

/** What the presenter shows beside the rows (read by `LeaveService.detailsFor`). */
export interface LeaveFacts {
  /** The heads, deputies and deciders named, by id. */
  people: Map<string, PersonRef>;
  /** The requests the reader may decide now. */
  mayDecide: Set<string>;
}

/** Leave as it leaves the server: names and phones of the head, the deputy and who decided. */
export function present(rows: repo.LeaveWithUnit[], facts: LeaveFacts): LeaveView[] {
  const who = (id: string) => facts.people.get(id) ?? { id, name: '?', phone: null };
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    head: who(r.head_person_id),
    deputy: who(r.deputy_person_id),
    startDate: r.start_date,
    endDate: r.end_date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    reason: r.reason,
    approvalRequired: r.approval_required === 1,
    state: r.state,
    decidedBy: r.decided_by_person_id ? who(r.decided_by_person_id) : null,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    createdAt: r.created_at,
    mayDecide: facts.mayDecide.has(r.id),
  }));
}
