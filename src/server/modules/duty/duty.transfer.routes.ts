import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatedFeed,
  CreateFeedBody,
  Feed,
  ImportResult,
  ROSTER_FILE_MAX_BYTES,
  RosterQuery,
} from '../../../common/schemas/duty.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { registerPhotoUploads, wholeFile } from '../../http/photo-upload.js';
import { requestLocale } from '../../http/problem.js';
import { invalid, notFound } from '../../lib/errors.js';
import type { FeedService } from './feeds.service.js';
import type { RosterTransfer } from './roster-transfer.js';

const tags = ['duty'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FEED_PATH = '/api/v1/public/duty-feeds/';

/** The roster as .xlsx (out and in) and the calendar feeds. */
export async function dutyTransferRoutes(
  app: FastifyInstance,
  transfer: RosterTransfer,
  feeds: FeedService,
  publicUrl: string | undefined,
): Promise<void> {
  await registerPhotoUploads(app);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/duty/roster.xlsx',
    {
      schema: {
        tags,
        summary: 'The roster as a spreadsheet (the same columns the import reads)',
        querystring: RosterQuery,
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const { unitId, from, to } = req.query;
      const buffer = await transfer.exportXlsx(actorOf(req), unitId, from, to, requestLocale(req));
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="duty-roster-${from}-${to}.xlsx"`)
        .send(buffer);
    },
  );

  r.post(
    '/api/v1/duty/roster.xlsx',
    {
      schema: {
        tags,
        summary: 'Import a roster (multipart, field "file"): all or nothing; problems name row and column',
        querystring: z.object({ unitId: Id }),
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, ...problemResponses },
      },
      bodyLimit: ROSTER_FILE_MAX_BYTES + 64 * 1024,
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid('rosterFile', 'duty.import.fileMissing');
      const file = await req.file({ limits: { fileSize: ROSTER_FILE_MAX_BYTES } });
      if (!file) throw invalid('rosterFile', 'duty.import.fileMissing');
      const buffer = await wholeFile(file);
      if (!buffer)
        throw invalid('rosterFile', 'duty.import.fileTooLarge', { max: ROSTER_FILE_MAX_BYTES / 1024 / 1024 });
      return transfer.importXlsx(actor, req.query.unitId, buffer);
    },
  );

  r.get(
    '/api/v1/duty/feeds',
    {
      schema: {
        tags,
        summary: 'Your calendar feeds (their addresses are shown only when issued)',
        response: { 200: z.array(Feed), ...problemResponses },
      },
    },
    async (req) =>
      (await feeds.list(actorOf(req))).map((f) => ({
        id: f.id,
        unitId: f.unit_id,
        unitName: f.unit_name,
        createdAt: f.created_at,
      })),
  );

  r.post(
    '/api/v1/duty/feeds',
    {
      schema: {
        tags,
        summary: 'Issue a secret calendar feed: your own shifts, or a unit’s roster; replaces the previous one',
        body: CreateFeedBody,
        response: { 201: CreatedFeed, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { row, token, unitName } = await feeds.issue(actorOf(req), req.body.unitId);
      const path = `${FEED_PATH}${token}.ics`;
      return reply.code(201).send({
        id: row.id,
        unitId: row.unit_id,
        unitName,
        createdAt: row.created_at,
        path,
        url: publicUrl ? `${publicUrl.replace(/\/$/, '')}${path}` : null,
      });
    },
  );

  r.delete(
    '/api/v1/duty/feeds/:id',
    {
      schema: {
        tags,
        summary: 'Stop a calendar feed',
        params: z.object({ id: Id }),
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await feeds.revoke(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    `${FEED_PATH}:token`,
    {
      schema: {
        tags,
        summary: 'A calendar feed (iCalendar), read with its secret address and no sign-in',
        params: z.object({ token: z.string().min(10).max(120) }),
        produces: ['text/calendar'],
      },
      config: { public: true, rateLimit: { max: 60, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const token = req.params.token.replace(/\.ics$/, '');
      if (!/^[A-Za-z0-9_-]+$/.test(token)) throw notFound();
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await feeds.render(token));
    },
  );
}
