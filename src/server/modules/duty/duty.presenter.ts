import type { z } from 'zod';
import type { DutyPerson, Handover, Rotation, Shift, Swap } from '../../../common/schemas/duty.js';
import type { LeaveService } from '../leave/leave.service.js';
import type * as repo from './duty.repository.js';

type ShiftView = z.infer<typeof Shift>;
type SwapView = z.infer<typeof Swap>;
export type PersonRef = z.infer<typeof DutyPerson>;

export const personRef = (p: { id: string; name: string; phone: string | null }): PersonRef => ({
  id: p.id,
  name: p.name,
  phone: p.phone,
});

const unknownPerson = (id: string): PersonRef => ({ id, name: '?', phone: null });

/** What `presentShifts` shows beside the shifts themselves (read by `DutyDetails.forShifts`). */
export interface ShiftFacts {
  assignments: repo.AssignmentWithPerson[];
  handovers: repo.DutyHandoverRow[];
  /** Swaps waiting for consent that touch the shifts. */
  swaps: repo.DutySwapRow[];
  /** Effective leave of the shifts' units over their span. */
  away: Awaited<ReturnType<LeaveService['effectiveIn']>>;
  people: Map<string, PersonRef>;
  /** When each shift named (the shifts' own and those of the swaps) starts. */
  startOf: Map<string, string>;
}

/** What `presentSwaps` shows beside the swaps (read by `DutyDetails.forSwaps`). */
export interface SwapFacts {
  people: Map<string, PersonRef>;
  starts: Map<string, string>;
}

export function presentSwap(
  s: repo.DutySwapRow,
  people: Map<string, PersonRef>,
  starts: Map<string, string>,
): SwapView {
  return {
    id: s.id,
    unitId: s.unit_id,
    shiftId: s.shift_id,
    otherShiftId: s.other_shift_id,
    note: s.note,
    state: s.state,
    from: people.get(s.from_person_id) ?? unknownPerson(s.from_person_id),
    to: people.get(s.to_person_id) ?? unknownPerson(s.to_person_id),
    proposedAt: s.proposed_at,
    decidedAt: s.decided_at,
    shiftStartsAt: starts.get(s.shift_id) ?? '',
    otherShiftStartsAt: s.other_shift_id ? (starts.get(s.other_shift_id) ?? null) : null,
  };
}

export function presentHandover(h: repo.DutyHandoverRow, people: Map<string, PersonRef>): z.infer<typeof Handover> {
  return {
    id: h.id,
    shiftId: h.shift_id,
    writtenBy: people.get(h.written_by_person_id) ?? unknownPerson(h.written_by_person_id),
    happened: h.happened,
    pending: h.pending,
    writtenAt: h.written_at,
    acknowledgedBy: h.acknowledged_by_person_id
      ? (people.get(h.acknowledged_by_person_id) ?? unknownPerson(h.acknowledged_by_person_id))
      : null,
    acknowledgedAt: h.acknowledged_at,
  };
}

/**
 * Shifts as the roster shows them: people with phones, the handover, swaps waiting for consent,
 * and — where the duty leader is a head on leave — the deputy acting for them.
 */
export function presentShifts(shifts: repo.DutyShiftRow[], facts: ShiftFacts): ShiftView[] {
  const { assignments, handovers, swaps, away, people, startOf } = facts;
  return shifts.map((shift) => {
    const mine = assignments.filter((a) => a.shift_id === shift.id);
    const leader = mine.find((a) => a.role === 'leader');
    const leave =
      leader &&
      away.find(
        (l) =>
          l.unit_id === shift.unit_id &&
          l.head_person_id === leader.person_id &&
          l.starts_at <= shift.starts_at &&
          l.ends_at > shift.starts_at,
      );
    const handover = handovers.find((h) => h.shift_id === shift.id);
    return {
      id: shift.id,
      unitId: shift.unit_id,
      kind: shift.kind,
      localDate: shift.local_date,
      startsAt: shift.starts_at,
      endsAt: shift.ends_at,
      rotationId: shift.rotation_id,
      dutyLeader: leader ? personRef({ id: leader.person_id, name: leader.name, phone: leader.phone }) : null,
      actingLeader: leave ? (people.get(leave.deputy_person_id) ?? null) : null,
      staff: mine
        .filter((a) => a.role === 'staff')
        .map((a) => personRef({ id: a.person_id, name: a.name, phone: a.phone })),
      handover: handover ? presentHandover(handover, people) : null,
      swaps: swaps
        .filter((s) => s.shift_id === shift.id || s.other_shift_id === shift.id)
        .map((s) => presentSwap(s, people, startOf)),
    };
  });
}

/** Swaps with the people's names and when each shift starts. */
export function presentSwaps(rows: repo.DutySwapRow[], facts: SwapFacts): SwapView[] {
  return rows.map((s) => presentSwap(s, facts.people, facts.starts));
}

/** A rotation's slots as stored. */
export const rotationSlots = (r: repo.DutyRotationRow) =>
  JSON.parse(r.slots_json) as { dutyLeaderId: string | null; staffIds: string[]; turns: number }[];

/** A rotation with its slots' people named. */
export function presentRotation(r: repo.DutyRotationRow, people: Map<string, PersonRef>): z.infer<typeof Rotation> {
  const who = (id: string) => people.get(id) ?? { id, name: '?', phone: null };
  return {
    id: r.id,
    unitId: r.unit_id,
    name: r.name,
    kind: r.kind,
    startDate: r.start_date,
    endDate: r.end_date,
    daysAhead: r.days_ahead,
    generatedThrough: r.generated_through,
    active: r.active === 1,
    slots: rotationSlots(r).map((s) => ({
      dutyLeader: s.dutyLeaderId ? who(s.dutyLeaderId) : null,
      staff: s.staffIds.map(who),
      turns: s.turns,
    })),
  };
}
