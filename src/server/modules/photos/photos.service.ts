import { join } from 'node:path';
import type { Db, Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { notFound, type AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { requireImage, sha256Hex, storeWithRecord } from '../../lib/photo-files.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail, Change } from '../audit/audit.service.js';
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

/** What the access check found: the record's unit, and whatever else the kind's hooks need. */
export interface PhotoAccess {
  unitId: string;
}

/** A photo just recorded, for the kind's audit entry and its own follow-up. */
export interface AddedPhoto extends StoredPhoto {
  recordId: string;
  unitId: string;
}

/**
 * What a module whose records carry photos declares: its kind, where the files go, how many a
 * record may hold, and who may see or add them. The photos module knows no other module.
 */
export interface PhotoKind<A extends PhotoAccess = PhotoAccess> {
  kind: PhotoRecordKind;
  /** The folder under the data directory; below it a folder per record (or per unit, see `byUnit`). */
  folder: string;
  /** Files go in a folder per unit rather than per record. */
  byUnit?: boolean;
  /** Photos one record may hold, and the refusal once it holds them; none: no limit. */
  limit?: { max: number; full(max: number): AppError };
  /** A record holds one photo, named after the record itself. */
  namedAfterRecord?: boolean;
  /**
   * The record's unit, after checking that the actor may see the record (`see`) or add a photo to
   * it (`add`): a record out of sight is not found, one the actor may not change is forbidden.
   */
  access(actor: Actor, recordId: string, intent: 'see' | 'add', db: Executor): Promise<A>;
  /** The audit entry of an added photo; by default `<kind>.photo` on the record, naming the photo. */
  audited?(photo: AddedPhoto, found: A): Omit<Change, 'unitId'>;
  /** More work in the transaction that records the photo. */
  onAdded?(tx: Executor, photo: AddedPhoto): Promise<void>;
}

/**
 * Photos filed with a record. The file is written beside its final name and renamed only after the
 * record commits, so a failure leaves neither a record without a file nor a stray file.
 */
export class PhotoService {
  private readonly kinds = new Map<PhotoRecordKind, PhotoKind<any>>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly dataDir: string,
  ) {}

  /** Called once per owning module by the composition root. */
  declare<A extends PhotoAccess>(kind: PhotoKind<A>): void {
    this.kinds.set(kind.kind, kind);
  }

  private kind(kind: PhotoRecordKind): PhotoKind<any> {
    const found = this.kinds.get(kind);
    if (!found) throw new Error(`photos of ${kind} records were never declared`);
    return found;
  }

  async add(actor: Actor, kind: PhotoRecordKind, recordId: string, bytes: Buffer): Promise<StoredPhoto> {
    const k = this.kind(kind);
    const found = await k.access(actor, recordId, 'add', this.db);
    const type = await requireImage(bytes);
    const id = k.namedAfterRecord ? recordId : newId();
    const createdAt = this.clock.now().toISOString();
    const relative = join(k.folder, k.byUnit ? found.unitId : recordId, `${id}.${type.ext}`);
    const photo: AddedPhoto = { id, recordId, unitId: found.unitId, mime: type.mime, size: bytes.length, createdAt };
    await storeWithRecord(this.dataDir, relative, bytes, () =>
      this.db.transaction().execute(async (tx) => {
        if (k.limit && (await repo.countOf(tx, kind, recordId)) >= k.limit.max) throw k.limit.full(k.limit.max);
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
        const change = k.audited?.(photo, found) ?? {
          action: `${kind}.photo`,
          entity: kind,
          entityId: recordId,
          after: { photoId: id, mime: type.mime, size: bytes.length },
        };
        await this.audit.record(tx, actor, { ...change, unitId: found.unitId });
        await k.onAdded?.(tx, photo);
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

  /** The file of a photo reached by its id alone (an inspection photo), after the same check. */
  async fileById(actor: Actor, kind: PhotoRecordKind, photoId: string): Promise<{ path: string; mime: string }> {
    const recordId = await repo.recordOf(this.db, kind, photoId);
    if (!recordId) throw notFound();
    return this.file(actor, kind, recordId, photoId);
  }
}
