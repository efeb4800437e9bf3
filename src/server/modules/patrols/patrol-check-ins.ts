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
    return this.db.transaction().execute(async (tx) => {
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
      if (point.active !== 1) throw invalid(field, 'patrol.checkpointInactive', { point: point.name });
      const now = this.clock.now().toISOString();
      const patrol = await this.patrolFor(tx, unit.id, point.id, now);
      const row: repo.CheckInRow = {
        id: newId(),
        unit_id: unit.id,
        checkpoint_id: point.id,
        patrol_id: patrol?.id ?? null,
        person_id: actor.kind === 'account' ? actor.personId : null,
        at: now,
        method: input.code !== undefined ? 'scan' : 'tap',
        note: input.note,
        photo_path: null,
        photo_mime: null,
        photo_size: null,
        photo_sha256: null,
        created_at: now,
      };
      await repo.insertCheckIn(tx, row);
      await this.audit.record(tx, actor, {
        action: 'patrol.check-in',
        entity: 'patrol_checkpoint',
        entityId: point.id,
        unitId: unit.id,
        after: { checkInId: row.id, patrolId: row.patrol_id, method: row.method },
      });
      if (patrol) await this.completeIfAllReached(tx, actor, patrol, now);
      const presented = patrol
        ? (await this.patrols.present(tx, unit.id, [(await repo.findPatrol(tx, patrol.id))!]))[0]!
        : null;
      return {
        checkIn: presentCheckIn((await repo.checkInWithNames(tx, row.id))!),
        patrol: presented,
        unitId: unit.id,
        unitName: unit.name,
        timeZone: unit.time_zone,
      };
    });
  }

  /** The oldest open, unexpired patrol still missing this point; else the oldest open one. */
  private async patrolFor(
    tx: Executor,
    unitId: string,
    pointId: string,
    now: string,
  ): Promise<repo.PatrolRow | undefined> {
    const open = (await repo.openPatrols(tx, unitId)).filter((p) => p.deadline_at && p.deadline_at > now);
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
