import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PHOTO_MAX_BYTES } from '../../../common/limits.js';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX, SendDirectiveBody } from '../../../common/schemas/directives.js';
import { fieldProblems } from '../../http/validation.js';
import { AppError, invalid } from '../../lib/errors.js';
import { cleanName, type DirectiveFiles, type StagedFile } from './directive-files.js';

/** Room for every attachment at its largest, the JSON field and the multipart envelope. */
export const UPLOAD_BODY_LIMIT = ATTACHMENTS_MAX * ATTACHMENT_MAX_BYTES + 1024 * 1024;
const MB = Math.round(ATTACHMENT_MAX_BYTES / 1024 / 1024);

/**
 * Multipart parsing is registered once for the whole app by whichever module asks first, with the
 * photo uploads' defaults (one photo, no fields); directive uploads pass their own limits per request.
 */
export async function ensureMultipart(app: FastifyInstance): Promise<void> {
  if (app.hasRequestDecorator('isMultipart')) return;
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
}

/**
 * Reads a directive sent as multipart/form-data: the field `directive` (the same JSON as the plain
 * route) and up to ATTACHMENTS_MAX files `attachments`, each streamed to the staging folder. On
 * any problem the staged files are removed before the error is thrown, naming the field.
 */
export async function readDirectiveForm(
  req: FastifyRequest,
  files: DirectiveFiles,
): Promise<{ body: SendDirectiveBody; staged: StagedFile[] }> {
  if (!req.isMultipart()) throw invalid('directive', 'directive.formExpected');
  const staged: StagedFile[] = [];
  let json: string | undefined;
  try {
    const parts = req.parts({
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: ATTACHMENTS_MAX, fields: 1, parts: ATTACHMENTS_MAX + 1 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname !== 'directive') throw invalid(part.fieldname, 'directive.unknownPart');
        json = String(part.value);
      } else {
        if (part.fieldname !== 'attachments') {
          part.file.resume();
          throw invalid(part.fieldname, 'directive.unknownPart');
        }
        const file = await files.stage(part.file, part.filename, () => part.file.truncated);
        staged.push(file);
        if (file.truncated)
          throw invalid(`attachments.${staged.length - 1}`, 'directive.attachmentTooLarge', {
            name: file.name,
            max: MB,
          });
      }
    }
  } catch (error) {
    await files.discard(staged);
    throw translateLimit(error, staged.length);
  }
  try {
    return { body: parseBody(json), staged };
  } catch (error) {
    await files.discard(staged);
    throw error;
  }
}

function translateLimit(error: unknown, index: number): unknown {
  const { code, part } = error as { code?: string; part?: { filename?: string } };
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return invalid(`attachments.${index}`, 'directive.attachmentTooLarge', {
      name: cleanName(part?.filename),
      max: MB,
    });
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
    return invalid('attachments', 'directive.tooManyAttachments', { max: ATTACHMENTS_MAX });
  if (code === 'FST_FIELDS_LIMIT') return invalid('directive', 'directive.unknownPart');
  return error;
}

function parseBody(json: string | undefined): SendDirectiveBody {
  if (json === undefined) throw invalid('directive', 'directive.formExpected');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw invalid('directive', 'directive.badJson');
  }
  const parsed = SendDirectiveBody.safeParse(raw);
  if (parsed.success) return parsed.data;
  const entries = parsed.error.issues.map((issue) => {
    const { path, code, message: _message, ...params } = issue as typeof issue & Record<string, unknown>;
    return { keyword: code, instancePath: `/${path.join('/')}`, params };
  });
  throw new AppError(400, 'validation', 'problem.validation', {}, fieldProblems(entries, raw));
}
