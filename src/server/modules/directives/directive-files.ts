import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { newId } from '../../lib/ids.js';

/** An uploaded file written to the staging folder, not yet part of any directive. */
export interface StagedFile {
  /** Absolute path of the staged copy. */
  staged: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** The upload stopped at the size limit. */
  truncated: boolean;
}

const NAME_MAX = 200;

/** A file name safe to show and to put in a Content-Disposition header: no path, no control characters. */
export function cleanName(raw: string | undefined): string {
  const printable = [...String(raw ?? '').replace(/\\/g, '/')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join('');
  const name = basename(printable).trim();
  return (name || 'attachment').slice(0, NAME_MAX);
}

/**
 * Attachment files. An upload is streamed into `<data>/directives/.incoming/` while it arrives
 * (hashed and measured on the way), moved to `<data>/directives/<directive>/<attachment>` only
 * after the directive's transaction has committed, and removed if anything fails: no record
 * without its file, and no stray file without a record.
 */
export class DirectiveFiles {
  constructor(private readonly dataDir: string) {}

  private get incoming(): string {
    return join(this.dataDir, 'directives', '.incoming');
  }

  async stage(stream: Readable, filename: string | undefined, isTruncated: () => boolean): Promise<StagedFile> {
    await mkdir(this.incoming, { recursive: true });
    const staged = join(this.incoming, `${newId()}.partial`);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(stream, measure, createWriteStream(staged));
    } catch (error) {
      await rm(staged, { force: true });
      throw error;
    }
    const type = await fileTypeFromFile(staged).catch(() => undefined);
    return {
      staged,
      name: cleanName(filename),
      mime: type?.mime ?? 'application/octet-stream',
      size,
      sha256: hash.digest('hex'),
      truncated: isTruncated(),
    };
  }

  /** Where an attachment lives, relative to the data directory. */
  relativePath(directiveId: string, attachmentId: string): string {
    return join('directives', directiveId, attachmentId);
  }

  absolute(relative: string): string {
    return join(this.dataDir, relative);
  }

  async keep(file: StagedFile, relative: string): Promise<void> {
    const final = this.absolute(relative);
    await mkdir(dirname(final), { recursive: true });
    await rename(file.staged, final);
  }

  async discard(files: StagedFile[]): Promise<void> {
    await Promise.all(files.map((f) => rm(f.staged, { force: true })));
  }
}
