import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { invalid } from './errors.js';

/** What phones produce; decided by the file's own bytes, never by its name or declared type. */
export const IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/gif',
]);

/**
 * The image type of `bytes`, or a refusal that names the field. The sentences (kept under their
 * first user's keys) speak of "a photo", so every module that takes photos can say them.
 */
export async function requireImage(bytes: Buffer, field = 'photo'): Promise<{ mime: string; ext: string }> {
  const type = await fileTypeFromBuffer(bytes);
  if (!type) throw invalid(field, 'incident.notAnImageUnknown');
  if (!IMAGE_TYPES.has(type.mime)) throw invalid(field, 'incident.notAnImage', { type: type.mime });
  return { mime: type.mime, ext: type.ext };
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes the file beside its final name (`relative`, under the data directory), runs `record` —
 * the transaction that records it — and renames the file into place only after that commits.
 * A failure leaves neither a record without a file nor a stray file.
 */
export async function storeWithRecord<T>(
  dataDir: string,
  relative: string,
  bytes: Buffer,
  record: () => Promise<T>,
): Promise<T> {
  const final = join(dataDir, relative);
  const temporary = `${final}.partial`;
  await mkdir(dirname(final), { recursive: true });
  await writeFile(temporary, bytes);
  let result: T;
  try {
    result = await record();
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await rename(temporary, final);
  return result;
}
