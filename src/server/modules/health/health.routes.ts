import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Container } from '../../container.js';

const tags = ['health'];
const Health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.string().optional() });

/** Liveness says the process answers; readiness says it can reach its database. */
export function healthRoutes(app: FastifyInstance, c: Container): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    { schema: { tags, summary: 'The process is alive', response: { 200: Health } }, config: { public: true } },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      schema: { tags, summary: 'The database answers', response: { 200: Health, 503: Health } },
      config: { public: true },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(c.db);
        return { status: 'ok' as const, database: c.dialect };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: c.dialect });
      }
    },
  );
}
