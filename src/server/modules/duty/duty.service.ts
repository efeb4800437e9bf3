import type { z } from 'zod';
import type {
  ActingHead,
  CreateShiftBody,
  DutyNextStep,
  DutyPerson,
  OnDutyUnit,
  OverrideBody,
  Shift,
} from '../../../common/schemas/duty.js';
import { DUTY_RANGE_DAYS_MAX } from '../../../common/schemas/duty.js';
import { localDate, localToUtc, nextDay } from '../../../common/time.js';
import type { Db, Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { LeaveService } from '../leave/leave.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { canSee, scopeRoots } from '../units/units.policy.js';
import * as unitsPort from '../units/units.read-port.js';
import type { UnitService } from '../units/units.service.js';
import { isRosterKeeper, requireRosterKeeper } from './duty.policy.js';
import { DutyDetails } from './duty.details.js';
import { presentShifts } from './duty.presenter.js';
import * as repo from './duty.repository.js';
import { findGaps, type DayRules } from './gaps.js';
import { daysBetween, datesBetween } from './shift-times.js';

/** The longest single shift a roster keeper may enter by hand. */
export const SHIFT_HOURS_MAX = 48;
/** Units one "who is on duty now" answer lists. */
export const NOW_UNITS_MAX = 500;

/** Who is on duty at a moment in one unit: what other modules (patrols, alerts) ask. */
export interface OnDuty {
  shiftId: string;
  startsAt: string;
  endsAt: string;
  /** The duty leader in effect: the deputy when the leader is a head away on leave. */
  dutyLeader: z.infer<typeof DutyPerson> | null;
  staff: z.infer<typeof DutyPerson>[];
}

/**
 * Duty rosters: reading them (roster, who is on duty, gaps against the plan) and keeping them by
 * hand (shifts and the safety officer's overrides). Rotations, swaps, handovers, the spreadsheet
 * and the calendar feeds have services of their own beside this one.
 */
export class DutyService {
  /** What roster answers show beside their rows; the routes read through it too. */
  readonly details: DutyDetails;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly rules: PlanRules,
    readonly leave: LeaveService,
  ) {
    this.details = new DutyDetails(db, leave);
  }

  /**
   * Who is on duty in a unit at a moment, with phone numbers; no access check, for other modules.
   * Usually one shift; two where hand-entered shifts touch.
   */
  async onDutyAt(unitId: string, at: Date, tx: Executor = this.db): Promise<OnDuty[]> {
    const rows = await repo.shiftsAt(tx, [unitId], at.toISOString());
    const shifts = presentShifts(rows, await this.details.forShifts(rows, tx));
    return shifts.map((s) => ({
      shiftId: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      dutyLeader: s.actingLeader ?? s.dutyLeader,
      staff: s.staff,
    }));
  }

  /** The same, as the patrol planner's OnDutyLookup takes it: ids of the staff and leaders on duty, or null. */
  async onDutyIds(
    unitId: string,
    at: Date,
    tx: Executor = this.db,
  ): Promise<{ staff: string[]; leaders: string[] } | null> {
    const on = await this.onDutyAt(unitId, at, tx);
    if (on.length === 0) return null;
    return {
      staff: [...new Set(on.flatMap((d) => d.staff.map((p) => p.id)))],
      leaders: [...new Set(on.flatMap((d) => (d.dutyLeader ? [d.dutyLeader.id] : [])))],
    };
  }

  /** A unit's shifts starting on local dates `from`…`to`, and the heads away meanwhile. */
  async roster(actor: Actor, unitId: string, from: string, to: string) {
    const unit = await this.units.requireVisible(actor, unitId);
    if (to < from) throw invalid('from', 'plan.periodEndBeforeStart');
    if (daysBetween(from, to) + 1 > DUTY_RANGE_DAYS_MAX)
      throw invalid('from', 'duty.rangeTooLong', { max: DUTY_RANGE_DAYS_MAX });
    const rows = await repo.shiftsOnDates(this.db, unit.id, from, to);
    const shifts = presentShifts(rows, await this.details.forShifts(rows));
    const away = await this.leave.effectiveIn(
      [unit.id],
      localToUtc(from, '00:00', unit.time_zone),
      localToUtc(nextDay(to), '00:00', unit.time_zone),
    );
    return { unit, shifts, actingHeads: await this.actingHeads(away) };
  }

  private async actingHeads(
    rows: Awaited<ReturnType<LeaveService['effectiveIn']>>,
  ): Promise<z.infer<typeof ActingHead>[]> {
    const people = await this.details.people(rows.flatMap((r) => [r.head_person_id, r.deputy_person_id]));
    const who = (id: string) => people.get(id) ?? { id, name: '?', phone: null };
    return rows.map((r) => ({
      leaveId: r.id,
      unitId: r.unit_id,
      head: who(r.head_person_id),
      deputy: who(r.deputy_person_id),
      startDate: r.start_date,
      endDate: r.end_date,
    }));
  }

  /** The people a roster may name in a unit. */
  async people(actor: Actor, unitId: string) {
    const unit = await this.units.requireVisible(actor, unitId);
    return repo.peopleOfUnit(this.db, unit.id);
  }

  /**
   * What each unit's duty warnings offer this reader: the step itself when they keep the roster, else
   * whom to ask — the unit's own safety officers, or, when it has none, those of the nearest unit above
   * (their phone only when that unit is one the reader can see).
   */
  async nextSteps(
    actor: Actor,
    units: { id: string; path: string }[],
    tx: Executor = this.db,
  ): Promise<Map<string, DutyNextStep>> {
    const lineage = (path: string) => path.split('/').filter(Boolean).reverse();
    const keepers = await repo.rosterKeepersIn(tx, [...new Set(units.flatMap((u) => lineage(u.path)))]);
    const result = new Map<string, DutyNextStep>();
    for (const unit of units) {
      const nearest = lineage(unit.path).find((id) => keepers.some((k) => k.unit_id === id));
      // The keepers' unit is this one or one above it: its path is the start of this unit's path.
      const keepersPath = nearest ? unit.path.slice(0, unit.path.indexOf(`/${nearest}/`) + nearest.length + 2) : '';
      const askWhom = keepers
        .filter((k) => k.unit_id === nearest)
        .map((k) => ({
          id: k.id,
          name: k.name,
          unitName: k.unit_name,
          phone: canSee(actor, keepersPath) ? k.phone : null,
        }));
      result.set(unit.id, { mayEditRoster: isRosterKeeper(actor, unit.path), askWhom });
    }
    return result;
  }

  /** One unit's next step for its duty warnings (the unit page's gate card asks for it). */
  async nextStep(actor: Actor, unitId: string): Promise<DutyNextStep & { unitId: string }> {
    const unit = await this.units.requireVisible(actor, unitId);
    return { unitId: unit.id, ...(await this.nextSteps(actor, [unit])).get(unit.id)! };
  }

  /** Who is on duty now in every unit of a subtree (the caller's, or below one unit). */
  async now(
    actor: Actor,
    unitId?: string,
  ): Promise<{ at: string; units: z.infer<typeof OnDutyUnit>[]; truncated: boolean }> {
    const at = this.clock.now();
    const within = unitId ? [(await this.units.requireVisible(actor, unitId)).path] : scopeRoots(actor);
    const { rows, total } = await unitsPort.list(this.db, { within }, 0, NOW_UNITS_MAX);
    const ids = rows.map((u) => u.id);
    const found = await repo.shiftsAt(this.db, ids, at.toISOString());
    const shifts = presentShifts(found, await this.details.forShifts(found));
    const heads = await this.actingHeads(await this.leave.effectiveIn(ids, at, new Date(at.getTime() + 1)));
    const steps = await this.nextSteps(actor, rows);
    const pick = ({ id, kind, startsAt, endsAt, dutyLeader, actingLeader, staff }: z.infer<typeof Shift>) => ({
      id,
      kind,
      startsAt,
      endsAt,
      dutyLeader,
      actingLeader,
      staff,
    });
    return {
      at: at.toISOString(),
      truncated: total > rows.length,
      units: rows.map((u) => ({
        unitId: u.id,
        unitName: u.name,
        depth: u.depth,
        timeZone: u.time_zone,
        shifts: shifts.filter((s) => s.unitId === u.id).map(pick),
        actingHead: heads.find((h) => h.unitId === u.id) ?? null,
        nextStep: steps.get(u.id)!,
      })),
    };
  }

  /** Where the roster falls short of the plan over the next `days` days, from now. */
  async gaps(actor: Actor, unitId: string, days: number) {
    const unit = await this.units.requireVisible(actor, unitId);
    const from = this.clock.now();
    const to = new Date(from.getTime() + days * 86_400_000);
    const shifts = await repo.shiftsOverlapping(this.db, unit.id, from.toISOString(), to.toISOString());
    const leaders = new Set(
      (
        await repo.assignmentsOf(
          this.db,
          shifts.map((s) => s.id),
        )
      )
        .filter((a) => a.role === 'leader')
        .map((a) => a.shift_id),
    );
    const byDate = new Map<string, DayRules>();
    for (const day of datesBetween(localDate(from, unit.time_zone), localDate(to, unit.time_zone))) {
      const { rules } = await this.rules.forUnit(unit.id, localToUtc(day, '12:00', unit.time_zone));
      byDate.set(day, { twentyFourHour: rules.duty.twentyFourHour, dutyLeaderRequired: rules.duty.dutyLeaderRequired });
    }
    const gaps = findGaps({
      from,
      to,
      zone: unit.time_zone,
      shifts: shifts.map((s) => ({ id: s.id, startsAt: s.starts_at, endsAt: s.ends_at, hasLeader: leaders.has(s.id) })),
      rulesOn: (day) => byDate.get(day) ?? { twentyFourHour: false, dutyLeaderRequired: false },
    });
    return {
      unitId: unit.id,
      from: from.toISOString(),
      to: to.toISOString(),
      gaps,
      nextStep: (await this.nextSteps(actor, [unit])).get(unit.id)!,
    };
  }

  /** A shift entered by hand. */
  async createShift(actor: Actor, input: CreateShiftBody): Promise<z.infer<typeof Shift>> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw invalid('endsAt', 'duty.endBeforeStart');
    if (endsAt.getTime() - startsAt.getTime() > SHIFT_HOURS_MAX * 3_600_000)
      throw invalid('endsAt', 'duty.shiftTooLong', { hours: SHIFT_HOURS_MAX });
    const id = await this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireVisible(actor, input.unitId, tx);
      requireRosterKeeper(actor, unit.path);
      await checkPeople(tx, unit.id, input.dutyLeaderId, input.staffIds);
      if ((await repo.shiftsOverlapping(tx, unit.id, startsAt.toISOString(), endsAt.toISOString())).length)
        throw conflict('duty.overlaps', {}, 'startsAt');
      const now = this.clock.now().toISOString();
      const row: repo.DutyShiftRow = {
        id: newId(),
        unit_id: unit.id,
        kind: input.kind,
        local_date: localDate(startsAt, unit.time_zone),
        starts_at: startsAt.toISOString(),
        ends_at: endsAt.toISOString(),
        rotation_id: null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertShift(tx, row);
      await repo.insertAssignments(tx, assignmentRows(row.id, input.dutyLeaderId, input.staffIds));
      await this.audit.record(tx, actor, {
        action: 'duty.shift.create',
        entity: 'duty_shift',
        entityId: row.id,
        unitId: unit.id,
        after: {
          startsAt: row.starts_at,
          endsAt: row.ends_at,
          dutyLeaderId: input.dutyLeaderId,
          staffIds: input.staffIds,
        },
      });
      return row.id;
    });
    return this.shift(actor, id);
  }

  async shift(actor: Actor, id: string, db: Executor = this.db): Promise<z.infer<typeof Shift>> {
    const found = await repo.findShift(db, id);
    if (!found || !canSee(actor, found.unit_path)) throw notFound();
    return presentShifts([found], await this.details.forShifts([found], db))[0]!;
  }

  /** The safety officer sets a shift's people directly; swaps waiting on it lapse. Audited. */
  async override(actor: Actor, id: string, input: OverrideBody): Promise<z.infer<typeof Shift>> {
    await this.db.transaction().execute(async (tx) => {
      const shift = await repo.findShift(tx, id);
      if (!shift || !canSee(actor, shift.unit_path)) throw notFound();
      requireRosterKeeper(actor, shift.unit_path);
      const now = this.clock.now().toISOString();
      if (shift.ends_at <= now) throw new AppError(409, 'conflict', 'duty.shiftOver');
      await checkPeople(tx, shift.unit_id, input.dutyLeaderId, input.staffIds);
      const before = await repo.assignmentsOf(tx, [id]);
      await repo.clearAssignments(tx, id);
      await repo.insertAssignments(tx, assignmentRows(id, input.dutyLeaderId, input.staffIds));
      await repo.touchShift(tx, id, now);
      for (const swap of await repo.pendingSwapsFor(tx, [id])) await repo.decideSwap(tx, swap.id, 'void', now);
      await this.audit.record(tx, actor, {
        action: 'duty.override',
        entity: 'duty_shift',
        entityId: id,
        unitId: shift.unit_id,
        before: {
          dutyLeaderId: before.find((a) => a.role === 'leader')?.person_id ?? null,
          staffIds: before.filter((a) => a.role === 'staff').map((a) => a.person_id),
        },
        after: { dutyLeaderId: input.dutyLeaderId, staffIds: input.staffIds, reason: input.reason },
      });
    });
    return this.shift(actor, id);
  }

  async deleteShift(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const shift = await repo.findShift(tx, id);
      if (!shift || !canSee(actor, shift.unit_path)) throw notFound();
      requireRosterKeeper(actor, shift.unit_path);
      if ((await repo.handoversOf(tx, [id])).length) throw new AppError(409, 'conflict', 'duty.hasHandover');
      await repo.deleteShifts(tx, [id]);
      await this.audit.record(tx, actor, {
        action: 'duty.shift.delete',
        entity: 'duty_shift',
        entityId: id,
        unitId: shift.unit_id,
        before: { startsAt: shift.starts_at, endsAt: shift.ends_at },
      });
    });
  }
}

/** A shift's people as rows: the duty leader first, then the staff in the order given. */
export function assignmentRows(shiftId: string, leaderId: string | null, staffIds: string[]): repo.DutyAssignmentRow[] {
  const rows: repo.DutyAssignmentRow[] = [];
  if (leaderId) rows.push({ id: newId(), shift_id: shiftId, person_id: leaderId, role: 'leader', position: 0 });
  staffIds.forEach((personId, i) =>
    rows.push({ id: newId(), shift_id: shiftId, person_id: personId, role: 'staff', position: i + 1 }),
  );
  return rows;
}

/** Everyone named must be a person of the unit, and named once. */
export async function checkPeople(
  tx: Executor,
  unitId: string,
  leaderId: string | null,
  staffIds: string[],
  prefix = '',
): Promise<void> {
  const ofUnit = new Set((await repo.peopleOfUnit(tx, unitId)).map((p) => p.id));
  if (leaderId && !ofUnit.has(leaderId)) throw invalid(`${prefix}dutyLeaderId`, 'plan.personUnknown');
  const seen = new Set(leaderId ? [leaderId] : []);
  staffIds.forEach((id, i) => {
    if (!ofUnit.has(id)) throw invalid(`${prefix}staffIds.${i}`, 'plan.personUnknown');
    if (seen.has(id)) throw invalid(`${prefix}staffIds.${i}`, 'duty.listedTwice');
    seen.add(id);
  });
}
