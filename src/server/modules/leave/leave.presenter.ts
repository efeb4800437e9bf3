import type { z } from 'zod';
import type { Leave } from '../../../common/schemas/leave.js';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import * as repo from './leave.repository.js';
import type { LeaveService } from './leave.service.js';

type LeaveView = z.infer<typeof Leave>;

/** Leave as it leaves the server: names and phones of the head, the deputy and who decided. */
export async function present(
  db: Executor,
  leave: LeaveService,
  actor: Actor,
  rows: repo.LeaveWithUnit[],
): Promise<LeaveView[]> {
  const ids = [
    ...new Set(
      rows
        .flatMap((r) => [r.head_person_id, r.deputy_person_id, r.decided_by_person_id])
        .filter((x): x is string => Boolean(x)),
    ),
  ];
  const people = new Map((await repo.people(db, ids)).map((p) => [p.id, { id: p.id, name: p.name, phone: p.phone }]));
  const who = (id: string) => people.get(id) ?? { id, name: '?', phone: null };
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
    mayDecide: r.state === 'requested' && leave.mayDecide(actor, r),
  }));
}
