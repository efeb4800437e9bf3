import type { CreateRotationBody } from '../../../common/schemas/duty.js';
import { localDate, localToUtc, nextDay } from '../../../common/time.js';
import type { Db, Executor } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { engineActor, type Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { canSee } from '../units/units.policy.js';
import * as unitsPort from '../units/units.read-port.js';
import type { UnitService } from '../units/units.service.js';
import { requireRosterKeeper } from './duty.policy.js';
import * as repo from './duty.repository.js';
import { assignmentRows, checkPeople } from './duty.service.js';
import { addDays, daysBetween, shiftsOfDay, slotFor, type RotationSlot, type ShiftPattern } from './shift-times.js';

export const ROTATION_DEADLINE = 'duty.rotation';
/** How far back a rotation may start: enough to fill in the week just gone. */
export const ROTATION_BACKFILL_DAYS = 31;

export interface GenerateResult {
  created: number;
  skipped: number;
  generatedThrough: string | null;
}

/**
 * Rotations: people taking turns, from which shifts are generated ahead, each day in the pattern
 * of the plan in force that day (24-hour, or day and night). Generation only ever moves forward
 * and never overwrites a shift already there: a hand-entered or imported shift wins, and the turn
 * still passes, so the rotation keeps its rhythm. The engine extends every rotation once a day.
 */
export class RotationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly rules: PlanRules,
    private readonly engine: DeadlineEngine,
  ) {}

  async list(actor: Actor, unitId: string): Promise<repo.DutyRotationRow[]> {
    const unit = await this.units.requireVisible(actor, unitId);
    return repo.rotationsOf(this.db, unit.id);
  }

  async create(
    actor: Actor,
    input: CreateRotationBody,
  ): Promise<{ rotation: repo.DutyRotationRow; result: GenerateResult }> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireVisible(actor, input.unitId, tx);
      requireRosterKeeper(actor, unit.path);
      const today = localDate(this.clock.now(), unit.time_zone);
      if (input.startDate < addDays(today, -ROTATION_BACKFILL_DAYS))
        throw invalid('startDate', 'duty.startTooEarly', { days: ROTATION_BACKFILL_DAYS });
      if (input.endDate && input.endDate < input.startDate) throw invalid('endDate', 'plan.periodEndBeforeStart');
      for (const [i, slot] of input.slots.entries())
        await checkPeople(tx, unit.id, slot.dutyLeaderId, slot.staffIds, `slots.${i}.`);
      const now = this.clock.now().toISOString();
      const row: repo.DutyRotationRow = {
        id: newId(),
        unit_id: unit.id,
        name: input.name,
        kind: input.kind,
        slots_json: JSON.stringify(input.slots),
        start_date: input.startDate,
        end_date: input.endDate,
        days_ahead: input.daysAhead,
        generated_through: null,
        next_turn: 0,
        active: 1,
        created_at: now,
        updated_at: now,
      };
      await repo.insertRotation(tx, row);
      await this.audit.record(tx, actor, {
        action: 'duty.rotation.create',
        entity: 'duty_rotation',
        entityId: row.id,
        unitId: unit.id,
        after: { name: row.name, kind: row.kind, startDate: row.start_date, slots: input.slots.length },
      });
      const result = await this.generateIn(tx, row, unit.time_zone, input.daysAhead);
      return { rotation: (await repo.findRotation(tx, row.id))!, result };
    });
  }

  /** Generates ahead now, up to `days` days from today (the rotation's own horizon by default). */
  async generate(actor: Actor, id: string, days?: number): Promise<GenerateResult> {
    return this.db.transaction().execute(async (tx) => {
      const { rotation, zone } = await this.keep(actor, id, tx);
      const result = await this.generateIn(tx, rotation, zone, days ?? rotation.days_ahead);
      await this.audit.record(tx, actor, {
        action: 'duty.rotation.generate',
        entity: 'duty_rotation',
        entityId: id,
        unitId: rotation.unit_id,
        after: { ...result },
      });
      return result;
    });
  }

  /** Stops the rotation and removes its shifts that have not started and carry no handover. */
  async stop(actor: Actor, id: string): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const { rotation } = await this.keep(actor, id, tx);
      const now = this.clock.now().toISOString();
      const future = await repo.futureShiftsOfRotation(tx, id, now);
      await repo.deleteShifts(tx, future);
      await repo.updateRotation(tx, id, { active: 0, updated_at: now });
      await this.audit.record(tx, actor, {
        action: 'duty.rotation.stop',
        entity: 'duty_rotation',
        entityId: id,
        unitId: rotation.unit_id,
        after: { removedShifts: future.length },
      });
      return future.length;
    });
  }

  private async keep(actor: Actor, id: string, tx: Executor) {
    const rotation = await repo.findRotation(tx, id);
    const unit = rotation && (await unitsPort.findById(tx, rotation.unit_id));
    if (!rotation || !unit || !canSee(actor, unit.path)) throw notFound();
    requireRosterKeeper(actor, unit.path);
    if (!rotation.active) throw new AppError(409, 'conflict', 'duty.rotationStopped');
    return { rotation, zone: unit.time_zone };
  }

  /** Engine: once a day, each active rotation reaches its horizon again. */
  async onTick(tx: Executor, ref: string): Promise<void> {
    const rotation = await repo.findRotation(tx, ref.split('@')[0]!);
    const unit = rotation && (await unitsPort.findById(tx, rotation.unit_id));
    if (!rotation?.active || !unit) return;
    const result = await this.generateIn(tx, rotation, unit.time_zone, rotation.days_ahead);
    if (result.created)
      await this.audit.record(tx, engineActor, {
        action: 'duty.rotation.generate',
        entity: 'duty_rotation',
        entityId: rotation.id,
        unitId: unit.id,
        after: { ...result },
      });
  }

  /**
   * Fills the days after the last one generated, up to `days` days from today (and not past the
   * rotation's end), then books tomorrow's extension with the engine.
   */
  async generateIn(tx: Executor, rotation: repo.DutyRotationRow, zone: string, days: number): Promise<GenerateResult> {
    const now = this.clock.now();
    const today = localDate(now, zone);
    const first = rotation.generated_through ? nextDay(rotation.generated_through) : rotation.start_date;
    let last = addDays(today, days - 1);
    if (rotation.end_date && rotation.end_date < last) last = rotation.end_date;
    const result: GenerateResult = { created: 0, skipped: 0, generatedThrough: rotation.generated_through };
    if (first <= last) {
      const slots = JSON.parse(rotation.slots_json) as RotationSlot[];
      const taken = await repo.shiftsOverlapping(
        tx,
        rotation.unit_id,
        localToUtc(first, '00:00', zone).toISOString(),
        localToUtc(addDays(last, 2), '00:00', zone).toISOString(),
      );
      let turn = rotation.next_turn;
      const stamp = now.toISOString();
      for (let day = first; day <= last; day = nextDay(day)) {
        const { rules } = await this.rules.forUnit(rotation.unit_id, localToUtc(day, '12:00', zone), tx);
        for (const spec of shiftsOfDay(day, rules.duty.shiftPattern as ShiftPattern, zone)) {
          const slot = slotFor(rotation.kind, slots, turn, daysBetween(rotation.start_date, day));
          turn += 1;
          const start = spec.startsAt.toISOString();
          const end = spec.endsAt.toISOString();
          if (taken.some((s) => s.starts_at < end && s.ends_at > start)) {
            result.skipped += 1;
            continue;
          }
          const row: repo.DutyShiftRow = {
            id: newId(),
            unit_id: rotation.unit_id,
            kind: spec.kind,
            local_date: day,
            starts_at: start,
            ends_at: end,
            rotation_id: rotation.id,
            created_at: stamp,
            updated_at: stamp,
          };
          await repo.insertShift(tx, row);
          await repo.insertAssignments(tx, assignmentRows(row.id, slot.dutyLeaderId, slot.staffIds));
          taken.push(row);
          result.created += 1;
        }
      }
      result.generatedThrough = last;
      await repo.updateRotation(tx, rotation.id, { generated_through: last, next_turn: turn, updated_at: stamp });
    }
    const tomorrow = addDays(today, 1);
    if (!rotation.end_date || rotation.end_date > last) {
      await this.engine.schedule(tx, {
        kind: ROTATION_DEADLINE,
        refId: `${rotation.id}@${tomorrow}`,
        unitId: rotation.unit_id,
        dueAt: localToUtc(tomorrow, '00:10', zone),
      });
    }
    return result;
  }
}
