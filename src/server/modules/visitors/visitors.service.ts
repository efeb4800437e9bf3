import type { CheckInBody } from '../../../common/schemas/visitors.js';
import type { PageQuery } from '../../../common/schemas/shared.js';
import { localDate, localToUtc, nextDay } from '../../../common/time.js';
import type { AfterCommit, Db, Executor } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { inEach, say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import { actorLabel, engineActor, type Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as peoplePort from '../people/people.read-port.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import * as unitsPort from '../units/units.read-port.js';
import type { UnitService } from '../units/units.service.js';
import { maskIdNumber } from './id-mask.js';
import * as repo from './visitors.repository.js';

export const CLOSING_DEADLINE = 'visitors.closing';
export const PURGE_DEADLINE = 'visitors.purge';
export const DEFAULT_CLOSING_TIME = '18:00';

/**
 * The gate's visitor log. The audit trail records that a visit happened, never who it was: the
 * trail is kept for ever, the visitor's details only for the plan's retention period.
 */
/** A gate phone's clock may run this far ahead of the server's; a time beyond it is refused. */
export const CLOCK_SKEW_MS = 2 * 60_000;

export class VisitorService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly rules: PlanRules,
    private readonly engine: DeadlineEngine,
    private readonly notifier: Notifier,
  ) {}

  async checkIn(actor: Actor, input: CheckInBody): Promise<repo.VisitorRow> {
    return (await this.checkInOnce(actor, input)).visitor;
  }

  /**
   * A check-in with the gate phone's idempotency key: a key already stored answers that visit
   * (`replayed`), never a second one — also when the same key arrives twice at once.
   */
  async checkInOnce(actor: Actor, input: CheckInBody): Promise<{ visitor: repo.VisitorRow; replayed: boolean }> {
    const stored = input.clientKey ? await this.replayCheckIn(actor, input.unitId, input.clientKey) : undefined;
    if (stored) return { visitor: stored, replayed: true };
    try {
      return { visitor: await this.insertVisit(actor, input), replayed: false };
    } catch (error) {
      const again = input.clientKey && repo.isUniqueViolation(error);
      const raced = again ? await this.replayCheckIn(actor, input.unitId, input.clientKey!) : undefined;
      if (raced) return { visitor: raced, replayed: true };
      throw error;
    }
  }

  /** The visit stored under `key`, once the actor may see it; a key of another unit's visit is refused. */
  private async replayCheckIn(actor: Actor, unitId: string, key: string): Promise<repo.VisitorRow | undefined> {
    const stored = await repo.findByClientKey(this.db, key);
    if (!stored) return undefined;
    await this.units.requireVisible(actor, stored.unit_id);
    if (stored.unit_id !== unitId) throw invalid('clientKey', 'visitor.keyReused');
    return stored;
  }

  private async insertVisit(actor: Actor, input: CheckInBody): Promise<repo.VisitorRow> {
    const now = this.clock.now();
    const at = input.checkedInAt ? new Date(input.checkedInAt) : now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('checkedInAt', 'visitor.inFuture');
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireVisible(actor, input.unitId, tx);
      const row: repo.VisitorRow = {
        id: newId(),
        unit_id: unit.id,
        name: input.name,
        id_kind: input.idKind,
        id_masked: maskIdNumber(input.idNumber),
        purpose: input.purpose,
        host_name: input.hostName,
        vehicle_plate: input.vehiclePlate,
        checked_in_at: at.toISOString(),
        checked_out_at: null,
        registered_by_person_id: actor.kind === 'account' ? actor.personId : null,
        created_at: now.toISOString(),
        client_key: input.clientKey ?? null,
        check_out_client_key: null,
      };
      await repo.insert(tx, row);
      const { rules } = await this.rules.forUnit(unit.id, at, tx);
      await this.engine.schedule(tx, {
        kind: PURGE_DEADLINE,
        refId: row.id,
        unitId: unit.id,
        dueAt: new Date(at.getTime() + rules.visitorRetentionDays * 86_400_000),
      });
      await this.scheduleClosingCheck(tx, unit.id, unit.time_zone, at);
      await this.audit.record(tx, actor, {
        action: 'visitor.check-in',
        entity: 'visitor',
        entityId: row.id,
        unitId: unit.id,
      });
      return row;
    });
  }

  /** One reminder per unit and local day, at its closing time; none for a visit after closing. */
  private async scheduleClosingCheck(tx: Executor, unitId: string, zone: string, at: Date): Promise<void> {
    const day = localDate(at, zone);
    const closing = localToUtc(day, (await repo.closingTime(tx, unitId)) ?? DEFAULT_CLOSING_TIME, zone);
    if (closing > at)
      await this.engine.schedule(tx, { kind: CLOSING_DEADLINE, refId: `${unitId}@${day}`, unitId, dueAt: closing });
  }

  /** A check-out; one sent again with the same key (from the gate phone's outbox) answers the visit as it is. */
  async checkOut(actor: Actor, id: string, at?: string, clientKey?: string): Promise<repo.VisitorRow> {
    return this.db.transaction().execute(async (tx) => {
      const visitor = await repo.find(tx, id);
      if (!visitor) throw notFound();
      await this.units.requireVisible(actor, visitor.unit_id, tx);
      if (clientKey && visitor.check_out_client_key === clientKey) return visitor;
      if (clientKey && (await repo.findByCheckOutKey(tx, clientKey))) throw invalid('clientKey', 'visitor.keyReused');
      if (visitor.checked_out_at) throw new AppError(409, 'conflict', 'visitor.alreadyOut');
      const now = this.clock.now();
      const out = at ? new Date(at) : now;
      if (out.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('checkedOutAt', 'visitor.inFuture');
      if (out.toISOString() < visitor.checked_in_at) throw invalid('checkedOutAt', 'visitor.outBeforeIn');
      await repo.checkOut(tx, id, out.toISOString(), clientKey ?? null);
      await this.audit.record(tx, actor, {
        action: 'visitor.check-out',
        entity: 'visitor',
        entityId: id,
        unitId: visitor.unit_id,
      });
      return { ...visitor, checked_out_at: out.toISOString(), check_out_client_key: clientKey ?? null };
    });
  }

  /** Reading the list is personal-data access: each look is logged with its filter. */
  async list(actor: Actor, filter: { unitId: string; inside?: boolean; from?: string; to?: string }, page?: PageQuery) {
    const unit = await this.units.requireVisible(actor, filter.unitId);
    const bounds = {
      unitId: unit.id,
      inside: filter.inside,
      from: filter.from ? localToUtc(filter.from, '00:00', unit.time_zone).toISOString() : undefined,
      to: filter.to ? localToUtc(nextDay(filter.to), '00:00', unit.time_zone).toISOString() : undefined,
    };
    await repo.logAccess(this.db, {
      id: newId(),
      at: this.clock.now().toISOString(),
      account_id: actor.kind === 'account' ? actor.accountId : null,
      actor_label: actorLabel(actor),
      entity: 'visitor',
      unit_id: unit.id,
      detail_json: JSON.stringify({ ...filter, export: !page }),
    });
    if (!page) return { rows: await repo.all(this.db, bounds), total: -1, timeZone: unit.time_zone };
    const { rows, total } = await repo.list(this.db, bounds, (page.page - 1) * page.pageSize, page.pageSize);
    return { rows, total, timeZone: unit.time_zone };
  }

  async setClosingTime(actor: Actor, unitId: string, closingTime: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await this.units.requireManageable(actor, unitId, tx);
      await repo.setClosingTime(tx, unitId, closingTime);
      await this.audit.record(tx, actor, {
        action: 'visitor.settings',
        entity: 'unit',
        entityId: unitId,
        unitId,
        after: { closingTime },
      });
    });
  }

  async closingTimeOf(actor: Actor, unitId: string): Promise<string> {
    await this.units.requireVisible(actor, unitId);
    return (await repo.closingTime(this.db, unitId)) ?? DEFAULT_CLOSING_TIME;
  }

  /** Engine: at closing time, the gate and the safety officer hear who is still inside. */
  async onClosing(tx: Executor, ref: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const unitId = ref.split('@')[0]!;
    const inside = await repo.insideAt(tx, unitId, now.toISOString());
    const unit = await unitsPort.findById(tx, unitId);
    if (inside.length === 0 || !unit) return;
    const locale = unit.locale === 'en' ? 'en' : 'zh-CN';
    const people = [
      ...(await peoplePort.personIdsWithRole(tx, unitId, 'gatekeeper')),
      ...(await peoplePort.personIdsWithRole(tx, unitId, 'safety_officer')),
    ];
    await this.notifier.tell(
      tx,
      afterCommit,
      people,
      {
        kind: 'visitors.still-inside',
        locale,
        link: '/visitors',
        title: say('visitor.stillInsideTitle', { unit: unit.name, count: inside.length }),
        body: inEach((l) => inside.map((v) => v.name).join(l === 'en' ? ', ' : '、')),
      },
      now,
    );
  }

  /** Engine: a visit's retention has run out; the record goes, the trail says only that it went. */
  async onPurge(tx: Executor, visitorId: string): Promise<void> {
    const visitor = await repo.find(tx, visitorId);
    if (!visitor) return;
    await repo.remove(tx, visitorId);
    await this.audit.record(tx, engineActor, {
      action: 'visitor.purge',
      entity: 'visitor',
      entityId: visitorId,
      unitId: visitor.unit_id,
      before: { checkedInAt: visitor.checked_in_at },
    });
  }
}
