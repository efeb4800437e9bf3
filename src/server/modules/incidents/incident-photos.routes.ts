import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IncidentParams } from '../../../common/schemas/incidents.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import {
  PHOTO_BODY_LIMIT,
  PhotoView as Photo,
  readPhoto,
  registerPhotoUploads,
  sendPhoto,
} from '../../http/photo-upload.js';
import { notFound } from '../../lib/errors.js';
import type { IncidentPhotos } from './incident-photos.js';

const tags = ['incidents'];

export async function incidentPhotoRoutes(app: FastifyInstance, photos: IncidentPhotos): Promise<void> {
  await registerPhotoUploads(app);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/incidents/:id/photos',
    {
      schema: {
        tags,
        summary: 'Attach a photo (multipart/form-data, field "photo"); checked by content to be an image',
        params: IncidentParams,
        consumes: ['multipart/form-data'],
        response: { 201: Photo, ...problemResponses },
      },
      bodyLimit: PHOTO_BODY_LIMIT,
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const bytes = await readPhoto(req);
      return reply.code(201).send(await photos.add(actor, req.params.id, bytes));
    },
  );

  r.get(
    '/api/v1/incidents/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'One photo of an incident',
        params: z.object({ id: Id, photoId: Id }),
        produces: ['image/*'],
      },
    },
    async (req, reply) => {
      const found = await photos.file(actorOf(req), req.params.id, req.params.photoId);
      if (!found) throw notFound();
      return sendPhoto(reply, { id: req.params.photoId, mime: found.mime, path: found.path });
    },
  );
}
