import { join } from 'node:path';
import type { Db, Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { MessageKey } from '../../lib/messages.js';
import { requireImage, sha256Hex, storeWithRecord } from '../../lib/photo-files.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as repo from './photos.repository.js';
import type { PhotoRecordKind } from './photos.repository.js';

export type { PhotoRecordKind } from './photos.repository.js';

/** A stored photo as the API shows it. */
export interface StoredPhoto {
  id: string;
  mime: string;
  size: number;
  createdAt: string;
}

/**
 * What a module whose records carry photos declares: its kind, where the files go, how many a
 * record may hold, and who may see or add them. The photos module knows no other module.
 */
export interface PhotoKind {
  kind: PhotoRecordKind;
  /** The folder under the data directory; each record's files go in a folder of their own below it. */
  folder: string;
  /** Photos one record may hold, and the refusal that says so (with `{max}`). */
  max: number;
  tooMany: MessageKey;
  /**
   * The record's unit, after checking that the actor may see the record (`see`) or add a photo to
   * it (`add`): a record out of sight is not found, one the actor may not change is forbidden.
   */
  access(actor: Actor, recordId: string, intent: 'see' | 'add', db: Executor): Promise<{ unitId: string }>;
}

/**
 * Photos filed with a record. The file is written beside its final name and renamed only after the
 * record commits, so a failure leaves neither a record without a file nor a stray file.
 */
export class PhotoService {
  private readonly kinds = new Map<PhotoRecordKind, PhotoKind>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly dataDir: string,
  ) {}

  /** Called once per owning module by the composition root. */
  declare(kind: PhotoKind): void {
    this.kinds.set(kind.kind, kind);
  }

  private kind(kind: PhotoRecordKind): PhotoKind {
    const found = this.kinds.get(kind);
    if (!found) throw new Error(`photos of ${kind} records were never declared`);
    return found;
  }

  async add(actor: Actor, kind: PhotoRecordKind, recordId: string, bytes: Buffer): Promise<StoredPhoto> {
    const k = this.kind(kind);
    const { unitId } = await k.access(actor, recordId, 'add', this.db);
    const type = await requireImage(bytes);
    const id = newId();
    const createdAt = this.clock.now().toISOString();
    const relative = join(k.folder, recordId, `${id}.${type.ext}`);
    await storeWithRecord(this.dataDir, relative, bytes, () =>
      this.db.transaction().execute(async (tx) => {
        if ((await repo.countOf(tx, kind, recordId)) >= k.max) throw invalid('photo', k.tooMany, { max: k.max });
        await repo.insert(tx, kind, {
          id,
          recordId,
          path: relative,
          mime: type.mime,
          size: bytes.length,
          sha256: sha256Hex(bytes),
          uploadedByPersonId: actor.kind === 'account' ? actor.personId : null,
          createdAt,
        });
        await this.audit.record(tx, actor, {
          action: `${kind}.photo`,
          entity: kind,
          entityId: recordId,
          unitId,
          after: { photoId: id, mime: type.mime, size: bytes.length },
        });
      }),
    );
    return { id, mime: type.mime, size: bytes.length, createdAt };
  }

  async list(actor: Actor, kind: PhotoRecordKind, recordId: string): Promise<StoredPhoto[]> {
    await this.kind(kind).access(actor, recordId, 'see', this.db);
    const rows = await repo.listOf(this.db, kind, recordId);
    return rows.map((r) => ({ id: r.id, mime: r.mime, size: r.size, createdAt: r.created_at }));
  }

  /** The file of one photo, after checking the actor may see its record. */
  async file(
    actor: Actor,
    kind: PhotoRecordKind,
    recordId: string,
    photoId: string,
  ): Promise<{ path: string; mime: string }> {
    await this.kind(kind).access(actor, recordId, 'see', this.db);
    const row = await repo.findOf(this.db, kind, recordId, photoId);
    if (!row) throw notFound();
    return { path: join(this.dataDir, row.path), mime: row.mime };
  }
}
