import type { ProposeSwapBody } from '../../../common/schemas/duty.js';
import { transactionWithHooks, type AfterCommit, type Db, type Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { MessageKey } from '../../lib/messages.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { canSee } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import * as repo from './duty.repository.js';

const onShift = async (tx: Executor, shiftId: string, personId: string) =>
  (await repo.assignmentsOf(tx, [shiftId])).some((a) => a.person_id === personId);

/**
 * Swaps between two people: A, on a shift, asks B to take it — in exchange for one of B's shifts,
 * or simply to cover. Only B can consent; then the places change hands. Until then nothing moves.
 */
export class SwapService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly notifier: Notifier,
  ) {}

  async list(actor: Actor, unitId: string): Promise<repo.DutySwapRow[]> {
    const unit = await this.units.requireVisible(actor, unitId);
    const since = new Date(this.clock.now().getTime() - 30 * 86_400_000).toISOString();
    return repo.swapsOfUnit(this.db, unit.id, actor.kind === 'account' ? actor.personId : null, since);
  }

  async propose(actor: Actor, input: ProposeSwapBody): Promise<repo.DutySwapRow> {
    if (actor.kind !== 'account') throw forbidden();
    const me = actor.personId;
    const now = this.clock.now();
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const shift = await this.visibleShift(actor, input.shiftId, tx);
      if (shift.ends_at <= now.toISOString()) throw new AppError(409, 'conflict', 'duty.shiftOver');
      if (!(await onShift(tx, shift.id, me))) throw new AppError(403, 'forbidden', 'duty.notOnShift');
      if (input.withPersonId === me) throw invalid('withPersonId', 'duty.swapSelf');
      if (!(await repo.peopleOfUnit(tx, shift.unit_id)).some((p) => p.id === input.withPersonId))
        throw invalid('withPersonId', 'plan.personUnknown');
      if (await onShift(tx, shift.id, input.withPersonId)) throw invalid('withPersonId', 'duty.alreadyOnShift');
      if (input.otherShiftId) {
        const other = await repo.findShift(tx, input.otherShiftId);
        if (!other || other.unit_id !== shift.unit_id || other.id === shift.id)
          throw invalid('otherShiftId', 'duty.otherShiftUnknown');
        if (other.ends_at <= now.toISOString()) throw invalid('otherShiftId', 'duty.otherShiftOver');
        if (!(await onShift(tx, other.id, input.withPersonId))) throw invalid('otherShiftId', 'duty.notTheirShift');
        if (await onShift(tx, other.id, me)) throw invalid('otherShiftId', 'duty.alreadyOnShift');
      }
      const waiting = await repo.pendingSwapsFor(tx, [shift.id]);
      if (
        waiting.some((s) => s.shift_id === shift.id && s.from_person_id === me && s.to_person_id === input.withPersonId)
      )
        throw conflict('duty.swapPending');
      const row: repo.DutySwapRow = {
        id: newId(),
        unit_id: shift.unit_id,
        shift_id: shift.id,
        other_shift_id: input.otherShiftId,
        from_person_id: me,
        to_person_id: input.withPersonId,
        note: input.note,
        state: 'proposed',
        proposed_at: now.toISOString(),
        decided_at: null,
      };
      await repo.insertSwap(tx, row);
      await this.audit.record(tx, actor, {
        action: 'duty.swap.propose',
        entity: 'duty_swap',
        entityId: row.id,
        unitId: shift.unit_id,
        after: { shiftId: row.shift_id, otherShiftId: row.other_shift_id, withPersonId: row.to_person_id },
      });
      await this.tell(tx, afterCommit, [row.to_person_id], shift, 'duty.swapAskedTitle', now);
      return row;
    });
  }

  /** B's answer. A yes moves the places, provided the roster still reads as it did when A asked. */
  async respond(actor: Actor, id: string, accept: boolean): Promise<repo.DutySwapRow> {
    const now = this.clock.now();
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const swap = await this.waiting(actor, id, tx);
      if (actor.kind !== 'account' || actor.personId !== swap.to_person_id)
        throw new AppError(403, 'forbidden', 'duty.notYourSwap');
      const shift = (await repo.findShift(tx, swap.shift_id))!;
      if (accept) {
        const other = swap.other_shift_id ? await repo.findShift(tx, swap.other_shift_id) : null;
        const still =
          shift.ends_at > now.toISOString() &&
          (await onShift(tx, shift.id, swap.from_person_id)) &&
          !(await onShift(tx, shift.id, swap.to_person_id)) &&
          (!swap.other_shift_id ||
            (other !== undefined &&
              other !== null &&
              other.ends_at > now.toISOString() &&
              (await onShift(tx, other.id, swap.to_person_id)) &&
              !(await onShift(tx, other.id, swap.from_person_id))));
        if (!still) throw new AppError(409, 'conflict', 'duty.swapStale');
        await repo.moveAssignment(tx, shift.id, swap.from_person_id, swap.to_person_id);
        await repo.touchShift(tx, shift.id, now.toISOString());
        if (other) {
          await repo.moveAssignment(tx, other.id, swap.to_person_id, swap.from_person_id);
          await repo.touchShift(tx, other.id, now.toISOString());
        }
      }
      const state = accept ? 'accepted' : 'declined';
      await repo.decideSwap(tx, id, state, now.toISOString());
      await this.audit.record(tx, actor, {
        action: `duty.swap.${accept ? 'accept' : 'decline'}`,
        entity: 'duty_swap',
        entityId: id,
        unitId: swap.unit_id,
        after: { state },
      });
      await this.tell(
        tx,
        afterCommit,
        [swap.from_person_id],
        shift,
        accept ? 'duty.swapAcceptedTitle' : 'duty.swapDeclinedTitle',
        now,
      );
      return { ...swap, state, decided_at: now.toISOString() };
    });
  }

  /** A takes the request back. */
  async cancel(actor: Actor, id: string): Promise<repo.DutySwapRow> {
    const now = this.clock.now().toISOString();
    return this.db.transaction().execute(async (tx) => {
      const swap = await this.waiting(actor, id, tx);
      if (actor.kind !== 'account' || actor.personId !== swap.from_person_id)
        throw new AppError(403, 'forbidden', 'duty.notYourSwap');
      await repo.decideSwap(tx, id, 'cancelled', now);
      await this.audit.record(tx, actor, {
        action: 'duty.swap.cancel',
        entity: 'duty_swap',
        entityId: id,
        unitId: swap.unit_id,
      });
      return { ...swap, state: 'cancelled', decided_at: now };
    });
  }

  private async visibleShift(actor: Actor, id: string, tx: Executor): Promise<repo.ShiftWithUnit> {
    const shift = await repo.findShift(tx, id);
    if (!shift || !canSee(actor, shift.unit_path)) throw notFound();
    return shift;
  }

  private async waiting(actor: Actor, id: string, tx: Executor): Promise<repo.DutySwapRow> {
    const swap = await repo.findSwap(tx, id);
    if (!swap) throw notFound();
    await this.visibleShift(actor, swap.shift_id, tx);
    if (swap.state !== 'proposed') throw new AppError(409, 'conflict', 'duty.swapNotWaiting');
    return swap;
  }

  private async tell(
    tx: Executor,
    afterCommit: AfterCommit,
    people: string[],
    shift: repo.ShiftWithUnit,
    key: MessageKey,
    now: Date,
  ): Promise<void> {
    const locale = shift.unit_locale === 'en' ? 'en' : 'zh-CN';
    await this.notifier.tell(
      tx,
      afterCommit,
      people,
      {
        kind: 'duty.swap',
        locale,
        link: `/duty?date=${shift.local_date}`,
        title: say(key, { unit: shift.unit_name, date: shift.local_date }),
        body: '',
      },
      now,
    );
  }
}
