import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PHOTO_MAX_BYTES } from '../../common/limits.js';
import { Id, Timestamp } from '../../common/schemas/shared.js';
import { invalid } from '../lib/errors.js';

/** A stored photo as the API shows it. */
export const PhotoView = z.object({ id: Id, mime: z.string(), size: z.number().int(), createdAt: Timestamp });

/** Room for the multipart envelope around the largest photo. */
export const PHOTO_BODY_LIMIT = PHOTO_MAX_BYTES + 64 * 1024;

/** Multipart parsing, once for the whole app whichever module asks first: one file, no fields. */
export async function registerPhotoUploads(app: FastifyInstance): Promise<void> {
  if (app.hasRequestDecorator('isMultipart')) return;
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
}

/** The bytes of the one photo in a multipart request; a missing or oversized photo names the field. */
export async function readPhoto(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw invalid('photo', 'incident.photoMissing');
  const file = await req.file();
  if (!file) throw invalid('photo', 'incident.photoMissing');
  try {
    return await file.toBuffer();
  } catch {
    throw invalid('photo', 'incident.photoTooLarge', { max: Math.round(PHOTO_MAX_BYTES / 1024 / 1024) });
  }
}
