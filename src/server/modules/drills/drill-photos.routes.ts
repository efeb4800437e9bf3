import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { PHOTO_BODY_LIMIT, PhotoView, readPhoto, registerPhotoUploads, sendPhoto } from '../../http/photo-upload.js';
import type { DrillPhotos } from './drill-photos.js';

const tags = ['drills'];
const Params = z.object({ id: Id });

export async function drillPhotoRoutes(app: FastifyInstance, photos: DrillPhotos): Promise<void> {
  await registerPhotoUploads(app);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/drills/:id/photos',
    {
      schema: {
        tags,
        summary: 'Attach a photo of the drill (multipart/form-data, field "photo"); checked by content to be an image',
        params: Params,
        consumes: ['multipart/form-data'],
        response: { 201: PhotoView, ...problemResponses },
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
    '/api/v1/drills/:id/photos',
    {
      schema: {
        tags,
        summary: 'The photos of a drill, oldest first',
        params: Params,
        response: { 200: z.array(PhotoView), ...problemResponses },
      },
    },
    async (req) => photos.list(actorOf(req), req.params.id),
  );

  r.get(
    '/api/v1/drills/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'One photo of a drill',
        params: z.object({ id: Id, photoId: Id }),
        produces: ['image/*'],
      },
    },
    async (req, reply) => {
      const found = await photos.file(actorOf(req), req.params.id, req.params.photoId);
      return sendPhoto(reply, { id: req.params.photoId, mime: found.mime, path: found.path });
    },
  );
}
