import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Me, SetupBody, SetupStatus } from '../../../common/schemas/auth.js';
import type { Config } from '../../config.js';
import { problemResponses } from '../../http/openapi.js';
import { requestLocale } from '../../http/problem.js';
import { signedInReply } from '../auth/auth.routes.js';
import type { AuthService } from '../auth/auth.service.js';
import type { SetupService } from './setup.service.js';

const tags = ['setup'];

export function setupRoutes(app: FastifyInstance, setup: SetupService, auth: AuthService, config: Config): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/setup',
    {
      schema: {
        tags,
        summary: 'Whether this Steady still needs its first administrator',
        response: { 200: SetupStatus, ...problemResponses },
      },
      config: { public: true },
    },
    async () => ({
      needed: await setup.needed(),
    }),
  );

  r.post(
    '/api/v1/setup',
    {
      schema: {
        tags,
        summary: 'Create the top unit and the first administrator',
        body: SetupBody,
        response: { 200: Me, ...problemResponses },
      },
      config: { public: true },
    },
    async (req, reply) => {
      const signedIn = await setup.run(req.body, requestLocale(req));
      return signedInReply(reply, auth, config, signedIn);
    },
  );
}
