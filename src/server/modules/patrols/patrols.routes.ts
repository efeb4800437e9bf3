import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../common/locale.js';
import {
  CheckInBody,
  CheckInResult,
  Checkpoint,
  CheckpointBody,
  CheckpointList,
  CheckpointUpdate,
  NightQuery,
  Patrol,
  PatrolNight,
  PatrolNow,
  PatrolSummary,
} from '../../../common/schemas/patrols.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { PHOTO_BODY_LIMIT, PhotoView, readPhoto, registerPhotoUploads, sendPhoto } from '../../http/photo-upload.js';
import { requestLocale } from '../../http/problem.js';
import type { PatrolCheckIns } from './patrol-check-ins.js';
import { checkpointSheetHtml } from './patrol-sheet.js';
import type { PatrolService } from './patrols.service.js';

const tags = ['patrols'];
const Params = z.object({ id: Id });

export async function patrolRoutes(
  app: FastifyInstance,
  patrols: PatrolService,
  checkIns: PatrolCheckIns,
  publicUrl: string | undefined,
): Promise<void> {
  await registerPhotoUploads(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** Where the QR codes point: the configured public address, else the address this request came to. */
  const baseUrl = (req: FastifyRequest) => publicUrl ?? `${req.protocol}://${req.host}`;

  r.get(
    '/api/v1/units/:id/patrol-checkpoints',
    {
      schema: {
        tags,
        summary: 'A unit’s checkpoints (check-in addresses only for those who keep them)',
        params: Params,
        response: { 200: CheckpointList, ...problemResponses },
      },
    },
    async (req) => patrols.checkpoints(actorOf(req), req.params.id, baseUrl(req)),
  );

  r.post(
    '/api/v1/patrol-checkpoints',
    {
      schema: {
        tags,
        summary: 'Add a checkpoint; the unit’s nightly patrols start with its first',
        body: CheckpointBody,
        response: { 201: Checkpoint, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await patrols.createCheckpoint(actorOf(req), req.body, baseUrl(req))),
  );

  r.patch(
    '/api/v1/patrol-checkpoints/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move or (de)activate a checkpoint',
        params: Params,
        body: CheckpointUpdate,
        response: { 200: Checkpoint, ...problemResponses },
      },
    },
    async (req) => patrols.updateCheckpoint(actorOf(req), req.params.id, req.body, baseUrl(req)),
  );

  r.post(
    '/api/v1/patrol-checkpoints/:id/new-code',
    {
      schema: {
        tags,
        summary: 'A new secret code for a checkpoint; its old QR prints stop working',
        params: Params,
        response: { 200: Checkpoint, ...problemResponses },
      },
    },
    async (req) => patrols.updateCheckpoint(actorOf(req), req.params.id, { renewCode: true }, baseUrl(req)),
  );

  r.get(
    '/api/v1/units/:id/patrol-checkpoints/sheet',
    {
      schema: {
        tags,
        summary: 'The A4 sheet of the unit’s checkpoint QR codes, to print (HTML, QR codes as SVG)',
        params: Params,
        querystring: z.object({ locale: z.enum(LOCALES).optional() }),
        produces: ['text/html'],
      },
    },
    async (req, reply) => {
      const { unit, checkpoints } = await patrols.sheet(actorOf(req), req.params.id);
      const html = await checkpointSheetHtml(
        unit.name,
        checkpoints,
        baseUrl(req),
        req.query.locale ?? requestLocale(req),
      );
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(html);
    },
  );

  r.get(
    '/api/v1/units/:id/patrols',
    {
      schema: {
        tags,
        summary: 'One night’s patrols (unannounced ones show no time until announced)',
        params: Params,
        querystring: NightQuery,
        response: { 200: PatrolNight, ...problemResponses },
      },
    },
    async (req) => patrols.night(actorOf(req), req.params.id, req.query.night),
  );

  r.get(
    '/api/v1/units/:id/patrols/now',
    {
      schema: {
        tags,
        summary: 'The patrols open now and the points to check, for the phone screen',
        params: Params,
        response: { 200: PatrolNow, ...problemResponses },
      },
    },
    async (req) => patrols.current(actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/units/:id/patrols',
    {
      schema: {
        tags,
        summary: 'Start an extra patrol now (timed like any other)',
        params: Params,
        response: { 201: Patrol, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await patrols.startExtra(actorOf(req), req.params.id)),
  );

  r.get(
    '/api/v1/units/:id/patrol-summary',
    {
      schema: {
        tags,
        summary: 'The unit page’s facts: gate staffing and the night’s patrols done of those due',
        params: Params,
        response: { 200: PatrolSummary, ...problemResponses },
      },
    },
    async (req) => patrols.summary(actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/patrol-check-ins',
    {
      schema: {
        tags,
        summary: 'Check in at a point, by its QR code or its id (a clientKey already stored answers its check-in, 200)',
        body: CheckInBody,
        response: { 200: CheckInResult, 201: CheckInResult, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { result, replayed } = await checkIns.checkInOnce(actorOf(req), req.body);
      return reply.code(replayed ? 200 : 201).send(result);
    },
  );

  r.post(
    '/api/v1/patrol-check-ins/:id/photo',
    {
      schema: {
        tags,
        summary: 'A photo for a check-in (multipart/form-data, field "photo"); checked by content to be an image',
        params: Params,
        consumes: ['multipart/form-data'],
        response: { 201: PhotoView, ...problemResponses },
      },
      bodyLimit: PHOTO_BODY_LIMIT,
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const bytes = await readPhoto(req);
      return reply.code(201).send(await checkIns.addPhoto(actor, req.params.id, bytes));
    },
  );

  r.get(
    '/api/v1/patrol-check-ins/:id/photo',
    { schema: { tags, summary: 'The photo of a check-in', params: Params, produces: ['image/*'] } },
    async (req, reply) => {
      const found = await checkIns.photoFile(actorOf(req), req.params.id);
      return sendPhoto(reply, { id: req.params.id, mime: found.mime, path: found.path });
    },
  );
}
