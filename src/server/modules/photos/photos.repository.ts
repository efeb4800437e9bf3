import type { Executor } from '../../db/database.js';

/**
 * The records that carry photos in a table of their own, each table keyed by its record's id.
 * The tables are kept as they are (no rows move); this map is the one place that knows them.
 */
const TABLES = {
  incident: { table: 'incident_photos', record: 'incident_id' },
  drill: { table: 'drill_photos', record: 'drill_id' },
} as const;

export type PhotoRecordKind = keyof typeof TABLES;

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
  const { table, record } = TABLES[kind];
  const row = await db
    .selectFrom(table)
    .select((e) => e.fn.countAll<number>().as('n'))
    .where(record, '=', recordId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insert(db: Executor, kind: PhotoRecordKind, photo: PhotoRow): Promise<void> {
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
  else
    await db
      .insertInto('drill_photos')
      .values({ ...row, drill_id: photo.recordId })
      .execute();
}

/** The photos of one record, oldest first. */
export async function listOf(
  db: Executor,
  kind: PhotoRecordKind,
  recordId: string,
): Promise<{ id: string; mime: string; size: number; created_at: string }[]> {
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
  const { table, record } = TABLES[kind];
  return db
    .selectFrom(table)
    .select(['path', 'mime'])
    .where('id', '=', photoId)
    .where(record, '=', recordId)
    .executeTakeFirst();
}
