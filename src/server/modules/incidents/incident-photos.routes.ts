import { createReadStream } from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PHOTO_MAX_BYTES } from '../../../common/limits.js';
import { IncidentParams } from '../../../common/schemas/incidents.js';
import { Id, Timestamp } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { invalid, notFound } from '../../lib/errors.js';
import type { IncidentPhotos } from './incident-photos.js';

const tags = ['incidents'];
const Photo = z.object({ id: Id, mime: z.string(), size: z.number().int(), createdAt: Timestamp });

export async function incidentPhotoRoutes(app: FastifyInstance, photos: IncidentPhotos): Promise<void> {
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/incidents/:id/photos', {
    schema: { tags, summary: 'Attach a photo (multipart/form-data, field "photo"); checked by content to be an image', params: IncidentParams, consumes: ['multipart/form-data'], response: { 201: Photo, ...problemResponses } },
    bodyLimit: PHOTO_MAX_BYTES + 64 * 1024,
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) throw invalid('photo', 'incident.photoMissing');
    const file = await req.file();
    if (!file) throw invalid('photo', 'incident.photoMissing');
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch {
      throw invalid('photo', 'incident.photoTooLarge', { max: Math.round(PHOTO_MAX_BYTES / 1024 / 1024) });
    }
    return reply.code(201).send(await photos.add(actor, req.params.id, bytes));
  });

  r.get('/api/v1/incidents/:id/photos/:photoId', {
    schema: { tags, summary: 'One photo of an incident', params: z.object({ id: Id, photoId: Id }), produces: ['image/*'] },
  }, async (req, reply) => {
    const found = await photos.file(actorOf(req), req.params.id, req.params.photoId);
    if (!found) throw notFound();
    return reply.type(found.mime).header('cache-control', 'private, max-age=3600').send(createReadStream(found.path));
  });
}
