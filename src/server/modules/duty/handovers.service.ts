import type { Db, Executor } from '../../db/database.js';
import { transactionWithHooks } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { canSee } from '../units/units.policy.js';
import * as repo from './duty.repository.js';

const onShift = async (tx: Executor, shiftId: string, personId: string | null) =>
  personId !== null && (await repo.assignmentsOf(tx, [shiftId])).some((a) => a.person_id === personId);

/**
 * The handover record (交接班记录) at each change of shift: someone on the outgoing shift writes
 * what happened and what is pending; someone on the next shift — and only they — acknowledges it.
 */
export class HandoverService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly notifier: Notifier,
  ) {}

  async write(
    actor: Actor,
    shiftId: string,
    input: { happened: string; pending: string },
  ): Promise<repo.DutyHandoverRow> {
    const now = this.clock.now();
    const me = actor.kind === 'account' ? actor.personId : null;
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const shift = await repo.findShift(tx, shiftId);
      if (!shift || !canSee(actor, shift.unit_path)) throw notFound();
      if (!(await onShift(tx, shift.id, me))) throw new AppError(403, 'forbidden', 'duty.notOnShift');
      if (shift.starts_at > now.toISOString()) throw new AppError(409, 'conflict', 'duty.shiftNotStarted');
      if ((await repo.handoversOf(tx, [shift.id])).length) throw new AppError(409, 'conflict', 'duty.handoverExists');
      const row: repo.DutyHandoverRow = {
        id: newId(),
        unit_id: shift.unit_id,
        shift_id: shift.id,
        written_by_person_id: me!,
        happened: input.happened,
        pending: input.pending,
        written_at: now.toISOString(),
        next_shift_id: null,
        acknowledged_by_person_id: null,
        acknowledged_at: null,
      };
      await repo.insertHandover(tx, row);
      await this.audit.record(tx, actor, {
        action: 'duty.handover.write',
        entity: 'duty_handover',
        entityId: row.id,
        unitId: shift.unit_id,
        after: { shiftId: shift.id },
      });
      const next = await repo.shiftStartingFrom(tx, shift.unit_id, shift.ends_at);
      if (next) {
        const locale = shift.unit_locale === 'en' ? 'en' : 'zh-CN';
        const people = (await repo.assignmentsOf(tx, [next.id])).map((a) => a.person_id);
        await this.notifier.tell(
          tx,
          afterCommit,
          people,
          {
            kind: 'duty.handover',
            locale,
            link: `/duty?date=${shift.local_date}`,
            title: say('duty.handoverTitle', { unit: shift.unit_name }),
            body: input.pending.slice(0, 200),
          },
          now,
        );
      }
      return row;
    });
  }

  async acknowledge(actor: Actor, id: string): Promise<repo.DutyHandoverRow> {
    const now = this.clock.now().toISOString();
    const me = actor.kind === 'account' ? actor.personId : null;
    return this.db.transaction().execute(async (tx) => {
      const handover = await repo.findHandover(tx, id);
      const shift = handover && (await repo.findShift(tx, handover.shift_id));
      if (!handover || !shift || !canSee(actor, shift.unit_path)) throw notFound();
      if (handover.acknowledged_at) throw new AppError(409, 'conflict', 'duty.handoverAcknowledged');
      const next = await repo.shiftStartingFrom(tx, shift.unit_id, shift.ends_at);
      if (!next) throw new AppError(409, 'conflict', 'duty.noNextShift');
      if (!(await onShift(tx, next.id, me))) throw new AppError(403, 'forbidden', 'duty.notNextShift');
      const changes = { next_shift_id: next.id, acknowledged_by_person_id: me, acknowledged_at: now };
      await repo.acknowledgeHandover(tx, id, changes);
      await this.audit.record(tx, actor, {
        action: 'duty.handover.acknowledge',
        entity: 'duty_handover',
        entityId: id,
        unitId: shift.unit_id,
        after: { nextShiftId: next.id },
      });
      return { ...handover, ...changes };
    });
  }
}
