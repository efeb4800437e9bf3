import { join } from 'node:path';
import { PHOTOS_PER_INCIDENT_MAX } from '../../../common/limits.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { requireImage, sha256Hex, storeWithRecord } from '../../lib/photo-files.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { IncidentService } from './incidents.service.js';

export interface StoredPhoto {
  id: string;
  mime: string;
  size: number;
  createdAt: string;
}

/**
 * Photos of the scene. The file is written beside its final name and renamed only after the
 * record commits, so a failure leaves neither a record without a file nor a stray file.
 */
export class IncidentPhotos {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly incidents: IncidentService,
    private readonly dataDir: string,
  ) {}

  async add(actor: Actor, incidentId: string, bytes: Buffer): Promise<StoredPhoto> {
    const incident = await this.incidents.get(actor, incidentId);
    if (incident.status === 'closed') throw new AppError(409, 'conflict', 'incident.notFinished');
    const type = await requireImage(bytes);
    const id = newId();
    const createdAt = this.clock.now().toISOString();
    const relative = join('photos', incidentId, `${id}.${type.ext}`);
    await storeWithRecord(this.dataDir, relative, bytes, () =>
      this.db.transaction().execute(async (tx) => {
        const count = await tx
          .selectFrom('incident_photos')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('incident_id', '=', incidentId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= PHOTOS_PER_INCIDENT_MAX)
          throw invalid('photo', 'incident.tooManyPhotos', { max: PHOTOS_PER_INCIDENT_MAX });
        await tx
          .insertInto('incident_photos')
          .values({
            id,
            incident_id: incidentId,
            path: relative,
            mime: type.mime,
            size: bytes.length,
            sha256: sha256Hex(bytes),
            uploaded_by_person_id: actor.kind === 'account' ? actor.personId : null,
            created_at: createdAt,
          })
          .execute();
        await this.audit.record(tx, actor, {
          action: 'incident.photo',
          entity: 'incident',
          entityId: incidentId,
          unitId: incident.unit_id,
          after: { photoId: id, mime: type.mime, size: bytes.length },
        });
      }),
    );
    return { id, mime: type.mime, size: bytes.length, createdAt };
  }

  async list(incidentId: string): Promise<StoredPhoto[]> {
    const rows = await this.db
      .selectFrom('incident_photos')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, mime: r.mime, size: r.size, createdAt: r.created_at }));
  }

  /** The file of one photo, after checking the actor may see its incident. */
  async file(actor: Actor, incidentId: string, photoId: string): Promise<{ path: string; mime: string } | null> {
    await this.incidents.get(actor, incidentId);
    const row = await this.db
      .selectFrom('incident_photos')
      .select(['path', 'mime'])
      .where('id', '=', photoId)
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    return row ? { path: join(this.dataDir, row.path), mime: row.mime } : null;
  }
}
