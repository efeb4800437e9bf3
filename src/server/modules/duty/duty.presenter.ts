import type { z } from 'zod';
import type { DutyPerson, Handover, Rotation, Shift, Swap } from '../../../common/schemas/duty.js';
import type { Executor } from '../../db/database.js';
import type { LeaveService } from '../leave/leave.service.js';
import * as repo from './duty.repository.js';

type ShiftView = z.infer<typeof Shift>;
type SwapView = z.infer<typeof Swap>;
type PersonRef = z.infer<typeof DutyPerson>;

const person = (p: { id: string; name: string; phone: string | null }): PersonRef => ({
  id: p.id,
  name: p.name,
  phone: p.phone,
});

/** People by id, fetched once for a whole answer. */
export async function peopleIndex(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  return new Map((await repo.peopleByIds(db, wanted)).map((p) => [p.id, person(p)]));
}

const unknownPerson = (id: string): PersonRef => ({ id, name: '?', phone: null });

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
export async function presentShifts(
  db: Executor,
  leave: LeaveService,
  shifts: repo.DutyShiftRow[],
): Promise<ShiftView[]> {
  if (shifts.length === 0) return [];
  const ids = shifts.map((s) => s.id);
  const [assignments, handovers, swaps] = await Promise.all([
    repo.assignmentsOf(db, ids),
    repo.handoversOf(db, ids),
    repo.pendingSwapsFor(db, ids),
  ]);
  const starts = Math.min(...shifts.map((s) => Date.parse(s.starts_at)));
  const ends = Math.max(...shifts.map((s) => Date.parse(s.ends_at)));
  const away = await leave.effectiveIn(
    [...new Set(shifts.map((s) => s.unit_id))],
    new Date(starts),
    new Date(ends),
    db,
  );
  const people = await peopleIndex(db, [
    ...handovers.flatMap((h) => [h.written_by_person_id, h.acknowledged_by_person_id]),
    ...swaps.flatMap((s) => [s.from_person_id, s.to_person_id]),
    ...away.map((l) => l.deputy_person_id),
  ]);
  const startOf = new Map(shifts.map((s) => [s.id, s.starts_at]));
  const elsewhere = swaps
    .flatMap((s) => [s.shift_id, s.other_shift_id])
    .filter((id): id is string => Boolean(id) && !startOf.has(id!));
  for (const [id, at] of await repo.startsOf(db, [...new Set(elsewhere)])) startOf.set(id, at);
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
      dutyLeader: leader ? person({ id: leader.person_id, name: leader.name, phone: leader.phone }) : null,
      actingLeader: leave ? (people.get(leave.deputy_person_id) ?? null) : null,
      staff: mine
        .filter((a) => a.role === 'staff')
        .map((a) => person({ id: a.person_id, name: a.name, phone: a.phone })),
      handover: handover ? presentHandover(handover, people) : null,
      swaps: swaps
        .filter((s) => s.shift_id === shift.id || s.other_shift_id === shift.id)
        .map((s) => presentSwap(s, people, startOf)),
    };
  });
}

/** Swaps with the people's names and when each shift starts. */
export async function presentSwaps(db: Executor, rows: repo.DutySwapRow[]) {
  const people = await peopleIndex(
    db,
    rows.flatMap((s) => [s.from_person_id, s.to_person_id]),
  );
  const starts = await repo.startsOf(db, [
    ...new Set(rows.flatMap((s) => [s.shift_id, s.other_shift_id]).filter((x): x is string => Boolean(x))),
  ]);
  return rows.map((s) => presentSwap(s, people, starts));
}

/** A rotation with its slots' people named. */
export async function presentRotation(db: Executor, r: repo.DutyRotationRow): Promise<z.infer<typeof Rotation>> {
  const slots = JSON.parse(r.slots_json) as { dutyLeaderId: string | null; staffIds: string[]; turns: number }[];
  const people = await peopleIndex(
    db,
    slots.flatMap((s) => [s.dutyLeaderId, ...s.staffIds]),
  );
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
    slots: slots.map((s) => ({
      dutyLeader: s.dutyLeaderId ? who(s.dutyLeaderId) : null,
      staff: s.staffIds.map(who),
      turns: s.turns,
    })),
  };
}
