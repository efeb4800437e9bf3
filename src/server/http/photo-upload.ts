import { createReadStream } from 'node:fs';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * The whole file, or null when it was over the size limit. `toBuffer()` alone is not enough: when
 * the limit falls exactly on the end of a chunk, busboy marks the file truncated without pushing
 * another chunk, toBuffer's own check never runs, and the first `limit` bytes come back as if they
 * were the file. So the truncated flag is read once the stream has ended, whatever the timing.
 */
export async function wholeFile(file: MultipartFile): Promise<Buffer | null> {
  let bytes: Buffer;
  try {
    bytes = await file.toBuffer();
  } catch {
    return null;
  }
  return file.file.truncated ? null : bytes;
}

/** The bytes of the one photo in a multipart request; a missing or oversized photo names the field. */
export async function readPhoto(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw invalid('photo', 'incident.photoMissing');
  const file = await req.file();
  if (!file) throw invalid('photo', 'incident.photoMissing');
  const bytes = await wholeFile(file);
  if (!bytes) throw invalid('photo', 'incident.photoTooLarge', { max: Math.round(PHOTO_MAX_BYTES / 1024 / 1024) });
  return bytes;
}

/**
 * Sends a stored photo: its checked type, never sniffed by the browser, and as an inline file with
 * a plain name, so a file that is somehow not the image it claims cannot run as a page of ours.
 */
export function sendPhoto(reply: FastifyReply, photo: { id: string; mime: string; path: string }): FastifyReply {
  const ext = photo.mime.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'bin';
  return reply
    .type(photo.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `inline; filename="photo-${photo.id}.${ext}"`)
    .header('cache-control', 'private, max-age=3600')
    .send(createReadStream(photo.path));
}
