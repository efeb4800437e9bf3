import { join } from 'node:path';
import type { Db, Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { requireImage, sha256Hex, storeWithRecord } from '../../lib/photo-files.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { requireManage } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';

/** Photos one drill may carry: enough for every stage of an evacuation. */
export const PHOTOS_PER_DRILL_MAX = 20;

export interface DrillPhoto {
  id: string;
  mime: string;
  size: number;
  createdAt: string;
}

/**
 * Photos of a drill being run, filed with its record. Attaching one takes the same right as
 * recording the drill; seeing them, the right to see the drill.
 */
export class DrillPhotos {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly dataDir: string,
  ) {}

  private async drill(actor: Actor, drillId: string, manage: boolean, db: Executor = this.db) {
    const drill = await db.selectFrom('drills').select(['id', 'unit_id']).where('id', '=', drillId).executeTakeFirst();
    if (!drill) throw notFound();
    const unit = await this.units.requireVisible(actor, drill.unit_id, db);
    if (manage) requireManage(actor, unit.path);
    return drill;
  }

  async add(actor: Actor, drillId: string, bytes: Buffer): Promise<DrillPhoto> {
    const drill = await this.drill(actor, drillId, true);
    const type = await requireImage(bytes);
    const id = newId();
    const createdAt = this.clock.now().toISOString();
    const relative = join('drill-photos', drillId, `${id}.${type.ext}`);
    await storeWithRecord(this.dataDir, relative, bytes, () =>
      this.db.transaction().execute(async (tx) => {
        const count = await tx
          .selectFrom('drill_photos')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('drill_id', '=', drillId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= PHOTOS_PER_DRILL_MAX)
          throw invalid('photo', 'drill.tooManyPhotos', { max: PHOTOS_PER_DRILL_MAX });
        await tx
          .insertInto('drill_photos')
          .values({
            id,
            drill_id: drillId,
            path: relative,
            mime: type.mime,
            size: bytes.length,
            sha256: sha256Hex(bytes),
            uploaded_by_person_id: actor.kind === 'account' ? actor.personId : null,
            created_at: createdAt,
          })
          .execute();
        await this.audit.record(tx, actor, {
          action: 'drill.photo',
          entity: 'drill',
          entityId: drillId,
          unitId: drill.unit_id,
          after: { photoId: id, mime: type.mime, size: bytes.length },
        });
      }),
    );
    return { id, mime: type.mime, size: bytes.length, createdAt };
  }

  async list(actor: Actor, drillId: string): Promise<DrillPhoto[]> {
    await this.drill(actor, drillId, false);
    const rows = await this.db
      .selectFrom('drill_photos')
      .select(['id', 'mime', 'size', 'created_at'])
      .where('drill_id', '=', drillId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, mime: r.mime, size: r.size, createdAt: r.created_at }));
  }

  /** The file of one photo, after checking the actor may see its drill. */
  async file(actor: Actor, drillId: string, photoId: string): Promise<{ path: string; mime: string }> {
    await this.drill(actor, drillId, false);
    const row = await this.db
      .selectFrom('drill_photos')
      .select(['path', 'mime'])
      .where('id', '=', photoId)
      .where('drill_id', '=', drillId)
      .executeTakeFirst();
    if (!row) throw notFound();
    return { path: join(this.dataDir, row.path), mime: row.mime };
  }
}
