import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, PageQuery, Timestamp, pageOf } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { LiveStreams } from '../../notify/live-streams.js';
import { presentNotification } from './notifications.presenter.js';
import type { NotificationService } from './notifications.service.js';

const tags = ['notifications'];
const Notification = z.object({
  id: Id,
  incidentId: Id.nullable(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  drill: z.boolean(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
const Inbox = pageOf(Notification).extend({ unread: z.number().int() });

/** The in-app inbox, and the live stream that tells open screens to re-read. */
export function notificationRoutes(
  app: FastifyInstance,
  notifications: NotificationService,
  streams: LiveStreams,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first',
        querystring: PageQuery,
        response: { 200: Inbox, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { page, pageSize } = req.query;
      const { rows, total, unread } = await notifications.inbox(actor, page, pageSize);
      return { page, pageSize, total, unread, items: rows.map((n) => presentNotification(actor.locale, n)) };
    },
  );

  r.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark notifications read (all when no ids)',
        body: z.strictObject({ ids: z.array(Id).max(500).optional() }),
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await notifications.markRead(actorOf(req), req.body.ids);
      return reply.code(204).send();
    },
  );

  /**
   * Server-sent events: `notification` for your inbox, `incident` and `daily-report` for your units.
   * Each event has an id; a reconnect sends it back (`Last-Event-ID`, or `?lastEventId=` for a new
   * EventSource) and gets what it missed, or `resync` when that is too far back to know.
   */
  r.get(
    '/api/v1/live',
    {
      schema: {
        tags,
        summary: 'Live updates (text/event-stream)',
        produces: ['text/event-stream'],
        querystring: z.object({ lastEventId: z.string().max(100).optional() }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const header = req.headers['last-event-id'];
      reply.hijack();
      streams.add(
        reply.raw,
        actor,
        (typeof header === 'string' && header.length <= 100 ? header : undefined) ?? req.query.lastEventId,
      );
    },
  );
}
