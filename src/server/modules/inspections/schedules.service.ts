import { DateTime } from 'luxon';
import type { z } from 'zod';
import { localDate, localToUtc } from '../../../common/time.js';
import type { AfterCommit, Db, Executor } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import { engineActor, type Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as peoplePort from '../people/people.read-port.js';
import * as unitsPort from '../units/units.read-port.js';
import type { UnitService } from '../units/units.service.js';
import * as repo from './checklists.repository.js';
import { unitLocale } from './checklists.service.js';
import type { Cadence, ScheduleBody, UpdateScheduleBody } from '../../../common/schemas/inspections.js';

export const DUE_DEADLINE = 'inspections.schedule-due';
/** Local time on the due day when the role holders are reminded. */
export const REMINDER_TIME = '08:00';

const STEP = { weekly: { weeks: 1 }, monthly: { months: 1 }, termly: { months: 6 } } as const;
export const nextDate = (date: string, cadence: Cadence) =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus(STEP[cadence]).toISODate()!;
export const previousDate = (date: string, cadence: Cadence) =>
  DateTime.fromISO(date, { zone: 'UTC' }).minus(STEP[cadence]).toISODate()!;
const ref = (row: { id: string; next_due_date: string }) => `${row.id}@${row.next_due_date}`;

/**
 * Who runs which checklist how often (weekly by a department, monthly by the leadership, a sweep
 * each term). Each due date is a deadline row; when it comes, the role's holders are reminded
 * unless the checklist was already run in that period, and the next date is scheduled.
 */
export class ScheduleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly engine: DeadlineEngine,
    private readonly notifier: Notifier,
  ) {}

  async list(actor: Actor, unitId: string) {
    await this.units.requireVisible(actor, unitId);
    return repo.schedulesOf(this.db, unitId);
  }

  async create(actor: Actor, input: z.infer<typeof ScheduleBody>): Promise<string> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireManageable(actor, input.unitId, tx);
      const checklist = await repo.findChecklist(tx, input.checklistId);
      if (!checklist || checklist.unit_id !== unit.id) throw invalid('checklistId', 'checklist.notOfUnit');
      this.requireNotPast(input.nextDueDate, unit.time_zone);
      const now = this.clock.now().toISOString();
      const row: repo.InspectionScheduleRow = {
        id: newId(),
        unit_id: unit.id,
        checklist_id: checklist.id,
        cadence: input.cadence,
        role: input.role,
        next_due_date: input.nextDueDate,
        active: 1,
        created_at: now,
        updated_at: now,
      };
      await repo.insertSchedule(tx, row);
      await this.arm(tx, row, unit.time_zone);
      await this.audit.record(tx, actor, {
        action: 'inspection-schedule.create',
        entity: 'inspection_schedule',
        entityId: row.id,
        unitId: unit.id,
        after: { checklistId: row.checklist_id, cadence: row.cadence, role: row.role, nextDueDate: row.next_due_date },
      });
      return row.id;
    });
  }

  async update(actor: Actor, id: string, input: z.infer<typeof UpdateScheduleBody>): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const before = await repo.findSchedule(tx, id);
      if (!before) throw notFound();
      const unit = await this.units.requireManageable(actor, before.unit_id, tx);
      if (input.nextDueDate) this.requireNotPast(input.nextDueDate, unit.time_zone);
      const after = {
        ...before,
        ...(input.cadence && { cadence: input.cadence }),
        ...(input.role && { role: input.role }),
        ...(input.nextDueDate && { next_due_date: input.nextDueDate }),
        ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
        updated_at: this.clock.now().toISOString(),
      };
      await this.engine.cancel(tx, DUE_DEADLINE, ref(before));
      await repo.updateSchedule(tx, id, after);
      await this.arm(tx, after, unit.time_zone);
      await this.audit.record(tx, actor, {
        action: 'inspection-schedule.update',
        entity: 'inspection_schedule',
        entityId: id,
        unitId: before.unit_id,
        before: {
          cadence: before.cadence,
          role: before.role,
          nextDueDate: before.next_due_date,
          active: before.active === 1,
        },
        after: {
          cadence: after.cadence,
          role: after.role,
          nextDueDate: after.next_due_date,
          active: after.active === 1,
        },
      });
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const before = await repo.findSchedule(tx, id);
      if (!before) throw notFound();
      await this.units.requireManageable(actor, before.unit_id, tx);
      await this.engine.cancel(tx, DUE_DEADLINE, ref(before));
      await repo.deleteSchedule(tx, id);
      await this.audit.record(tx, actor, {
        action: 'inspection-schedule.delete',
        entity: 'inspection_schedule',
        entityId: id,
        unitId: before.unit_id,
        before: { checklistId: before.checklist_id, cadence: before.cadence, role: before.role },
      });
    });
  }

  private requireNotPast(date: string, zone: string): void {
    if (date < localDate(this.clock.now(), zone)) throw invalid('nextDueDate', 'schedule.dateInPast');
  }

  private async arm(tx: Executor, row: repo.InspectionScheduleRow, zone: string): Promise<void> {
    if (row.active !== 1) return;
    await this.engine.schedule(tx, {
      kind: DUE_DEADLINE,
      refId: ref(row),
      unitId: row.unit_id,
      dueAt: localToUtc(row.next_due_date, REMINDER_TIME, zone),
    });
  }

  /** Engine: a due date has come. */
  async onDue(tx: Executor, deadlineRef: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const [id, date] = deadlineRef.split('@');
    const row = await repo.findSchedule(tx, id!);
    if (!row || row.active !== 1 || row.next_due_date !== date) return;
    const unit = await unitsPort.findById(tx, row.unit_id);
    const checklist = await repo.findChecklist(tx, row.checklist_id);
    if (!unit || !checklist) return;
    const cadence = row.cadence;
    const periodStart = localToUtc(previousDate(date, cadence), '00:00', unit.time_zone).toISOString();
    if (!(await repo.ranSince(tx, checklist.id, periodStart))) {
      const locale = unitLocale(unit.locale);
      await this.notifier.tell(
        tx,
        afterCommit,
        await peoplePort.personIdsWithRole(tx, unit.id, row.role),
        {
          kind: 'inspection.due',
          locale,
          link: `/inspections/run/${checklist.id}`,
          title: say('inspection.dueTitle', { unit: unit.name, checklist: checklist.name }),
          body: say('inspection.dueBody', { cadence: say(`cadence.${cadence}`) }),
        },
        now,
      );
    }
    // After a long stop, pick up at the next date still ahead rather than remind for each missed one.
    const today = localDate(now, unit.time_zone);
    let next = nextDate(date, cadence);
    while (next <= today) next = nextDate(next, cadence);
    const after = { ...row, next_due_date: next, updated_at: now.toISOString() };
    await repo.updateSchedule(tx, row.id, { next_due_date: next, updated_at: after.updated_at });
    await this.arm(tx, after, unit.time_zone);
    await this.audit.record(tx, engineActor, {
      action: 'inspection-schedule.advance',
      entity: 'inspection_schedule',
      entityId: row.id,
      unitId: unit.id,
      before: { nextDueDate: date },
      after: { nextDueDate: next },
    });
  }
}
