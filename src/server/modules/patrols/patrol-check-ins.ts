import type { CheckInBody, CheckInResult } from '../../../common/schemas/patrols.js';
import type { Db, Executor } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PhotoService, StoredPhoto } from '../photos/photos.service.js';
import { canSee } from '../units/units.policy.js';
import * as unitsPort from '../units/units.read-port.js';
import { OVERDUE_DEADLINE } from './patrol-planner.js';
import { requirePatrol } from './patrols.policy.js';
import { presentCheckIn } from './patrols.presenter.js';
import * as repo from './patrols.repository.js';
import type { PatrolService } from './patrols.service.js';

/** A phone's clock may run this far ahead of the server's (as the gate's); a later scan time is refused. */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * Check-ins: the proof of a patrol. A check-in joins the oldest open patrol that has not yet
 * reached that point; when every active point is reached in time, the patrol is done. A check-in
 * with no patrol open is kept all the same, as a record of a round walked.
 */
export class PatrolCheckIns {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly engine: DeadlineEngine,
    private readonly patrols: PatrolService,
    private readonly photos: PhotoService,
  ) {}

  async checkIn(actor: Actor, input: CheckInBody): Promise<CheckInResult> {
    return (await this.checkInOnce(actor, input)).result;
  }

  /**
   * A check-in with the phone's idempotency key: a key already stored answers that check-in
   * (`replayed`), never a second one — also when the same key arrives twice at once.
   */
  async checkInOnce(actor: Actor, input: CheckInBody): Promise<{ result: CheckInResult; replayed: boolean }> {
    const key = input.clientKey;
    const stored = key ? await this.replay(actor, input, key) : undefined;
    if (stored) return { result: stored, replayed: true };
    try {
      return { result: await this.insertCheckIn(actor, input), replayed: false };
    } catch (error) {
      const raced = key && repo.isUniqueViolation(error) ? await this.replay(actor, input, key) : undefined;
      if (raced) return { result: raced, replayed: true };
      throw error;
    }
  }

  /** The check-in stored under `key`, as first answered; a key used at another unit is refused. */
  private async replay(actor: Actor, input: CheckInBody, key: string): Promise<CheckInResult | undefined> {
    return this.db.transaction().execute(async (tx) => {
      const stored = await repo.findCheckInByKey(tx, key);
      if (!stored) return undefined;
      const { unit } = await this.pointFor(tx, actor, input);
      if (stored.unit_id !== unit.id) throw invalid('clientKey', 'patrol.keyReused');
      return this.result(tx, stored.id, stored.patrol_id, unit);
    });
  }

  /** The point checked in at, in a unit the actor may patrol. */
  private async pointFor(tx: Executor, actor: Actor, input: CheckInBody) {
    const field = input.code !== undefined ? 'code' : 'checkpointId';
    const point =
      input.code !== undefined
        ? await repo.findCheckpointByCode(tx, input.code)
        : await repo.findCheckpoint(tx, input.checkpointId!);
    const unit = point ? await unitsPort.findById(tx, point.unit_id) : undefined;
    // A point in a unit the person cannot see is, for them, no point at all.
    if (!point || !unit || !canSee(actor, unit.path)) throw invalid(field, 'patrol.unknownCheckpoint');
    if (input.unitId && input.unitId !== unit.id)
      throw invalid(field, 'patrol.otherUnit', { point: point.name, unit: unit.name });
    requirePatrol(actor, unit.path);
    return { field, point, unit };
  }

  private async result(
    tx: Executor,
    checkInId: string,
    patrolId: string | null,
    unit: { id: string; name: string; time_zone: string },
  ): Promise<CheckInResult> {
    const presented = patrolId
      ? (await this.patrols.present(tx, unit.id, [(await repo.findPatrol(tx, patrolId))!]))[0]!
      : null;
    return {
      checkIn: presentCheckIn((await repo.checkInWithNames(tx, checkInId))!),
      patrol: presented,
      unitId: unit.id,
      unitName: unit.name,
      timeZone: unit.time_zone,
    };
  }

  private async insertCheckIn(actor: Actor, input: CheckInBody): Promise<CheckInResult> {
    const clock = this.clock.now();
    const when = input.checkedInAt ? new Date(input.checkedInAt) : clock;
    if (when.getTime() > clock.getTime() + CLOCK_SKEW_MS) throw invalid('checkedInAt', 'patrol.inFuture');
    return this.db.transaction().execute(async (tx) => {
      const { field, point, unit } = await this.pointFor(tx, actor, input);
      if (point.active !== 1) throw invalid(field, 'patrol.checkpointInactive', { point: point.name });
      const now = clock.toISOString();
      // A scan sent later from the phone's outbox counts at the time it was made.
      const at = when.toISOString();
      const patrol = await this.patrolFor(tx, unit.id, point.id, at);
      const row: repo.CheckInRow = {
        id: newId(),
        unit_id: unit.id,
        checkpoint_id: point.id,
        patrol_id: patrol?.id ?? null,
        person_id: actor.kind === 'account' ? actor.personId : null,
        at,
        method: input.code !== undefined ? 'scan' : 'tap',
        note: input.note,
        photo_path: null,
        photo_mime: null,
        photo_size: null,
        photo_sha256: null,
        created_at: now,
        client_key: input.clientKey ?? null,
      };
      await repo.insertCheckIn(tx, row);
      await this.audit.record(tx, actor, {
        action: 'patrol.check-in',
        entity: 'patrol_checkpoint',
        entityId: point.id,
        unitId: unit.id,
        after: { checkInId: row.id, patrolId: row.patrol_id, method: row.method },
      });
      if (patrol) await this.completeIfAllReached(tx, actor, patrol, at);
      return this.result(tx, row.id, row.patrol_id, unit);
    });
  }

  /** The oldest patrol open at `at` and unexpired, still missing this point; else the oldest such one. */
  private async patrolFor(
    tx: Executor,
    unitId: string,
    pointId: string,
    at: string,
  ): Promise<repo.PatrolRow | undefined> {
    const open = (await repo.openPatrols(tx, unitId)).filter(
      (p) => p.opened_at && p.opened_at <= at && p.deadline_at && p.deadline_at > at,
    );
    for (const p of open) if (!(await repo.checkedPointIds(tx, p.id)).has(pointId)) return p;
    return open[0];
  }

  private async completeIfAllReached(tx: Executor, actor: Actor, patrol: repo.PatrolRow, now: string): Promise<void> {
    const reached = await repo.checkedPointIds(tx, patrol.id);
    const active = await repo.checkpointsOf(tx, patrol.unit_id, true);
    if (!active.every((c) => reached.has(c.id))) return;
    await repo.updatePatrol(tx, patrol.id, { state: 'done', done_at: now });
    await this.engine.cancel(tx, OVERDUE_DEADLINE, patrol.id);
    await this.audit.record(tx, actor, {
      action: 'patrol.done',
      entity: 'patrol',
      entityId: patrol.id,
      unitId: patrol.unit_id,
    });
  }

  /** A photo of the point, by the person who checked in; checked by its bytes to be an image. */
  addPhoto(actor: Actor, checkInId: string, bytes: Buffer): Promise<StoredPhoto> {
    return this.photos.add(actor, 'patrol-check-in', checkInId, bytes);
  }

  photoFile(actor: Actor, checkInId: string): Promise<{ path: string; mime: string }> {
    return this.photos.file(actor, 'patrol-check-in', checkInId, checkInId);
  }
}
