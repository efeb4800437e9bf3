import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, PageQuery, Timestamp, pageOf } from '../../../common/schemas/shared.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { Clock } from '../../lib/clock.js';
import type { LiveStreams } from '../../notify/live-streams.js';
import { notificationText } from '../../notify/notification-text.js';

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
export function notificationRoutes(app: FastifyInstance, db: Db, streams: LiveStreams, clock: Clock): void {
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
      const { personId, locale } = actorOf(req);
      const { page, pageSize } = req.query;
      const mine = db.selectFrom('notifications').where('person_id', '=', personId);
      const [rows, total, unread] = await Promise.all([
        mine
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .offset((page - 1) * pageSize)
          .limit(pageSize)
          .execute(),
        mine.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        mine
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        page,
        pageSize,
        total: Number(total.n),
        unread: Number(unread.n),
        items: rows.map((n) => ({
          id: n.id,
          incidentId: n.incident_id,
          kind: n.kind,
          ...notificationText(locale, n),
          link: n.link,
          drill: n.drill === 1,
          createdAt: n.created_at,
          readAt: n.read_at,
        })),
      };
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
      const { personId } = actorOf(req);
      await db
        .updateTable('notifications')
        .set({ read_at: clock.now().toISOString() })
        .where('person_id', '=', personId)
        .where('read_at', 'is', null)
        .$if(req.body.ids !== undefined, (q) => q.where('id', 'in', req.body.ids!.length ? req.body.ids! : ['']))
        .execute();
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
