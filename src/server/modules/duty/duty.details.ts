import type { Executor } from '../../db/database.js';
import type { LeaveService } from '../leave/leave.service.js';
import { personRef, rotationSlots, type PersonRef, type ShiftFacts, type SwapFacts } from './duty.presenter.js';
import * as repo from './duty.repository.js';

/**
 * What a roster answer shows beside its own rows — people's names and phones, handovers, swaps
 * waiting, heads on leave — read once per answer, so the presenters are functions of data alone.
 */
export class DutyDetails {
  constructor(
    private readonly db: Executor,
    private readonly leave: LeaveService,
  ) {}

  /** People by id, fetched once for a whole answer. */
  async people(ids: (string | null | undefined)[], db: Executor = this.db): Promise<Map<string, PersonRef>> {
    const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
    return new Map((await repo.peopleByIds(db, wanted)).map((p) => [p.id, personRef(p)]));
  }

  /** For `presentShifts`: who is on each shift, its handover, swaps waiting and leaders away. */
  async forShifts(shifts: repo.DutyShiftRow[], db: Executor = this.db): Promise<ShiftFacts> {
    if (shifts.length === 0)
      return { assignments: [], handovers: [], swaps: [], away: [], people: new Map(), startOf: new Map() };
    const ids = shifts.map((s) => s.id);
    const [assignments, handovers, swaps] = await Promise.all([
      repo.assignmentsOf(db, ids),
      repo.handoversOf(db, ids),
      repo.pendingSwapsFor(db, ids),
    ]);
    const starts = Math.min(...shifts.map((s) => Date.parse(s.starts_at)));
    const ends = Math.max(...shifts.map((s) => Date.parse(s.ends_at)));
    const away = await this.leave.effectiveIn(
      [...new Set(shifts.map((s) => s.unit_id))],
      new Date(starts),
      new Date(ends),
      db,
    );
    const people = await this.people(
      [
        ...handovers.flatMap((h) => [h.written_by_person_id, h.acknowledged_by_person_id]),
        ...swaps.flatMap((s) => [s.from_person_id, s.to_person_id]),
        ...away.map((l) => l.deputy_person_id),
      ],
      db,
    );
    const startOf = new Map(shifts.map((s) => [s.id, s.starts_at]));
    const elsewhere = swaps
      .flatMap((s) => [s.shift_id, s.other_shift_id])
      .filter((id): id is string => Boolean(id) && !startOf.has(id!));
    for (const [id, at] of await repo.startsOf(db, [...new Set(elsewhere)])) startOf.set(id, at);
    return { assignments, handovers, swaps, away, people, startOf };
  }

  /** For `presentSwaps`: the people's names and when each shift starts. */
  async forSwaps(rows: repo.DutySwapRow[]): Promise<SwapFacts> {
    const people = await this.people(rows.flatMap((s) => [s.from_person_id, s.to_person_id]));
    const starts = await repo.startsOf(this.db, [
      ...new Set(rows.flatMap((s) => [s.shift_id, s.other_shift_id]).filter((x): x is string => Boolean(x))),
    ]);
    return { people, starts };
  }

  /** For `presentRotation`: the people the rotations' slots name. */
  forRotations(rows: repo.DutyRotationRow[]): Promise<Map<string, PersonRef>> {
    return this.people(rows.flatMap((r) => rotationSlots(r).flatMap((s) => [s.dutyLeaderId, ...s.staffIds])));
  }
}
