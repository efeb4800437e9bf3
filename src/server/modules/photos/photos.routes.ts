import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { PHOTO_BODY_LIMIT, PhotoView, readPhoto, registerPhotoUploads, sendPhoto } from '../../http/photo-upload.js';
import type { PhotoRecordKind, PhotoService } from './photos.service.js';

/** Where one kind's photos are reached: `${base}/:id/photos`, under the owning module's tag. */
export interface PhotoRoutesOf {
  kind: PhotoRecordKind;
  /** The owning record's path, e.g. `/api/v1/drills`. */
  base: string;
  tag: string;
  /** The record as a summary names it ("incident", "drill"). */
  noun: string;
  /** Whether the photos are listed on their own (an incident's come with the incident). */
  listed: boolean;
}

const Params = z.object({ id: Id });

/** Upload, list and serve the photos of one kind of record. */
export async function photoRoutes(app: FastifyInstance, photos: PhotoService, of: PhotoRoutesOf): Promise<void> {
  await registerPhotoUploads(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = [of.tag];

  r.post(
    `${of.base}/:id/photos`,
    {
      schema: {
        tags,
        summary:
          `Attach a photo of the ${of.noun} (multipart/form-data, field "photo"); ` +
          'checked by content to be an image',
        params: Params,
        consumes: ['multipart/form-data'],
        response: { 201: PhotoView, ...problemResponses },
      },
      bodyLimit: PHOTO_BODY_LIMIT,
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const bytes = await readPhoto(req);
      return reply.code(201).send(await photos.add(actor, of.kind, req.params.id, bytes));
    },
  );

  if (of.listed)
    r.get(
      `${of.base}/:id/photos`,
      {
        schema: {
          tags,
          summary: `The photos of a ${of.noun}, oldest first`,
          params: Params,
          response: { 200: z.array(PhotoView), ...problemResponses },
        },
      },
      async (req) => photos.list(actorOf(req), of.kind, req.params.id),
    );

  r.get(
    `${of.base}/:id/photos/:photoId`,
    {
      schema: {
        tags,
        summary: `One photo of a ${of.noun}`,
        params: z.object({ id: Id, photoId: Id }),
        produces: ['image/*'],
      },
    },
    async (req, reply) => {
      const found = await photos.file(actorOf(req), of.kind, req.params.id, req.params.photoId);
      return sendPhoto(reply, { id: req.params.photoId, mime: found.mime, path: found.path });
    },
  );
}
