import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, PageQuery, Timestamp, pageOf } from '../../../common/schemas/shared.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { Clock } from '../../lib/clock.js';
import type { LiveBus } from '../../notify/live-bus.js';
import { canSee } from '../units/units.policy.js';

const tags = ['notifications'];
const Notification = z.object({
  id: Id, incidentId: Id.nullable(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(),
  drill: z.boolean(), createdAt: Timestamp, readAt: Timestamp.nullable(),
});
const Inbox = pageOf(Notification).extend({ unread: z.number().int() });
const KEEPALIVE_MS = 25_000;

/** The in-app inbox, and the live stream that tells open screens to re-read. */
export function notificationRoutes(app: FastifyInstance, db: Db, bus: LiveBus, clock: Clock): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/notifications', { schema: { tags, summary: 'Your notifications, newest first', querystring: PageQuery, response: { 200: Inbox, ...problemResponses } } }, async (req) => {
    const { personId } = actorOf(req);
    const { page, pageSize } = req.query;
    const mine = db.selectFrom('notifications').where('person_id', '=', personId);
    const [rows, total, unread] = await Promise.all([
      mine.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset((page - 1) * pageSize).limit(pageSize).execute(),
      mine.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      mine.select((e) => e.fn.countAll<number>().as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow(),
    ]);
    return {
      page, pageSize, total: Number(total.n), unread: Number(unread.n),
      items: rows.map((n) => ({ id: n.id, incidentId: n.incident_id, kind: n.kind, title: n.title, body: n.body, link: n.link, drill: n.drill === 1, createdAt: n.created_at, readAt: n.read_at })),
    };
  });

  r.post('/api/v1/notifications/read', { schema: { tags, summary: 'Mark notifications read (all when no ids)', body: z.strictObject({ ids: z.array(Id).max(500).optional() }), response: { 204: z.undefined(), ...problemResponses } } }, async (req, reply) => {
    const { personId } = actorOf(req);
    await db.updateTable('notifications').set({ read_at: clock.now().toISOString() })
      .where('person_id', '=', personId).where('read_at', 'is', null)
      .$if(req.body.ids !== undefined, (q) => q.where('id', 'in', req.body.ids!.length ? req.body.ids! : ['']))
      .execute();
    return reply.code(204).send();
  });

  /** Server-sent events: `notification` for your inbox, `incident` for incidents in your units. */
  app.get('/api/v1/live', { schema: { tags, summary: 'Live updates (text/event-stream)', produces: ['text/event-stream'] } }, async (req, reply) => {
    const actor = actorOf(req);
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    reply.raw.write(': connected\n\n');
    const unsubscribe = bus.subscribe((event) => {
      const mine = event.kind === 'notification' ? event.personId === actor.personId : canSee(actor, event.unitPath);
      if (mine) reply.raw.write(`event: ${event.kind}\ndata: ${JSON.stringify(event.kind === 'incident' ? { incidentId: event.incidentId } : {})}\n\n`);
    });
    const keepalive = setInterval(() => reply.raw.write(': keep-alive\n\n'), KEEPALIVE_MS);
    req.raw.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  });
}
