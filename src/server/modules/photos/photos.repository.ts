import type { Executor } from '../../db/database.js';

/**
 * Where each kind of record keeps its photos. The tables are kept as they were (no rows move);
 * this module is the one place that writes and reads them. Incidents and drills have a table each,
 * keyed by the record; an inspection photo waits in its unit (the record here) until a run or a
 * task step takes it; a patrol check-in holds its one photo in its own row.
 */
const TABLES = {
  incident: { table: 'incident_photos', record: 'incident_id' },
  drill: { table: 'drill_photos', record: 'drill_id' },
  inspection: { table: 'inspection_photos', record: 'unit_id' },
} as const;

export type PhotoRecordKind = keyof typeof TABLES | 'patrol-check-in';

/** A photo record as stored, whichever record it belongs to. */
export interface PhotoRow {
  id: string;
  recordId: string;
  /** Relative to the data directory. */
  path: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedByPersonId: string | null;
  createdAt: string;
}

export async function countOf(db: Executor, kind: PhotoRecordKind, recordId: string): Promise<number> {
  if (kind === 'patrol-check-in') {
    const row = await db
      .selectFrom('patrol_check_ins')
      .select('photo_path')
      .where('id', '=', recordId)
      .executeTakeFirst();
    return row?.photo_path ? 1 : 0;
  }
  const { table, record } = TABLES[kind];
  const row = await db
    .selectFrom(table)
    .select((e) => e.fn.countAll<number>().as('n'))
    .where(record, '=', recordId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insert(db: Executor, kind: PhotoRecordKind, photo: PhotoRow): Promise<void> {
  if (kind === 'patrol-check-in') {
    await db
      .updateTable('patrol_check_ins')
      .set({ photo_path: photo.path, photo_mime: photo.mime, photo_size: photo.size, photo_sha256: photo.sha256 })
      .where('id', '=', photo.recordId)
      .execute();
    return;
  }
  const row = {
    id: photo.id,
    path: photo.path,
    mime: photo.mime,
    size: photo.size,
    sha256: photo.sha256,
    uploaded_by_person_id: photo.uploadedByPersonId,
    created_at: photo.createdAt,
  };
  // Spelled per table so each insert is checked against its own columns.
  if (kind === 'incident')
    await db
      .insertInto('incident_photos')
      .values({ ...row, incident_id: photo.recordId })
      .execute();
  else if (kind === 'drill')
    await db
      .insertInto('drill_photos')
      .values({ ...row, drill_id: photo.recordId })
      .execute();
  else
    await db
      .insertInto('inspection_photos')
      .values({ ...row, unit_id: photo.recordId, attached_kind: null, attached_id: null })
      .execute();
}

/** The photos of one record, oldest first. */
export async function listOf(
  db: Executor,
  kind: PhotoRecordKind,
  recordId: string,
): Promise<{ id: string; mime: string; size: number; created_at: string }[]> {
  if (kind === 'patrol-check-in') {
    // The photo is named after its check-in and dated by it.
    const rows = await db
      .selectFrom('patrol_check_ins')
      .select(['id', 'photo_mime', 'photo_size', 'at'])
      .where('id', '=', recordId)
      .where('photo_path', 'is not', null)
      .execute();
    return rows.map((r) => ({ id: r.id, mime: r.photo_mime!, size: r.photo_size!, created_at: r.at }));
  }
  const { table, record } = TABLES[kind];
  return db
    .selectFrom(table)
    .select(['id', 'mime', 'size', 'created_at'])
    .where(record, '=', recordId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One photo of one record: a photo id under another record is not found. */
export async function findOf(
  db: Executor,
  kind: PhotoRecordKind,
  recordId: string,
  photoId: string,
): Promise<{ path: string; mime: string } | undefined> {
  if (kind === 'patrol-check-in') {
    const row = await db
      .selectFrom('patrol_check_ins')
      .select(['photo_path', 'photo_mime'])
      .where('id', '=', recordId)
      .where('id', '=', photoId)
      .executeTakeFirst();
    return row?.photo_path && row.photo_mime ? { path: row.photo_path, mime: row.photo_mime } : undefined;
  }
  const { table, record } = TABLES[kind];
  return db
    .selectFrom(table)
    .select(['path', 'mime'])
    .where('id', '=', photoId)
    .where(record, '=', recordId)
    .executeTakeFirst();
}

/** The record a photo belongs to, for a photo reached by its id alone. */
export async function recordOf(db: Executor, kind: PhotoRecordKind, photoId: string): Promise<string | undefined> {
  if (kind === 'patrol-check-in') return photoId;
  const { table, record } = TABLES[kind];
  const row = await db.selectFrom(table).select(`${record} as record_id`).where('id', '=', photoId).executeTakeFirst();
  return row?.record_id;
}
