import type { Executor } from '../../db/database.js';
import { listOf, type PhotoRecordKind } from './photos.repository.js';

/** The photos module's read port: a record's photos, oldest first, for a module showing that record. */
export const photosOf = (db: Executor, kind: PhotoRecordKind, recordId: string) => listOf(db, kind, recordId);
