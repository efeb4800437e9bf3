import type { FastifyInstance } from 'fastify';
import type { LiveBus } from '../notify/live-bus.js';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A person who did something on one screen (signed a notice, accepted a swap, approved leave) may
 * have the same to-do list open on another: once the change has been answered, those screens are
 * told to re-read it. The doer's own screen re-reads on moving on; other people affected hear the
 * module's own events. One event per successful change, on the bus every instance listens to.
 */
export function registerOwnScreensNudge(app: FastifyInstance, bus: LiveBus): void {
  app.addHook('onResponse', async (request, reply) => {
    if (!CHANGES.has(request.method) || reply.statusCode >= 400 || !request.actor || request.actor.kind !== 'account')
      return;
    if (request.url.startsWith('/api/v1/auth/') || request.url.startsWith('/api/v1/notifications/read')) return;
    bus.publish({ kind: 'todo', personId: request.actor.personId });
  });
}
