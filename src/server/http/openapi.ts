import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { Problem } from '../../common/schemas/shared.js';
import { describeDocument } from './openapi-described.js';

/** OpenAPI 3.1 generated from the routes' zod schemas, at /api/v1/openapi.json, with a docs page. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Steady API',
        version: '1',
        description:
          'Emergency readiness and incident response for schools, kindergartens and communities. ' +
          'Sign in with POST /api/v1/auth/login (session cookie; ' +
          'send x-csrf-token on changes) or use an API token as a Bearer token. ' +
          'Errors are application/problem+json (RFC 9457) in the language of Accept-Language (zh-CN or en). ' +
          'GET /api/v1/live streams what to re-read (server-sent events, listed there); the `webhooks` section ' +
          'describes the signed webhook Steady posts to, and how to check its signature. ' +
          'Severities: 1–4 = Ⅰ 特别重大, Ⅱ 重大, Ⅲ 较大, Ⅳ 一般 (Emergency Response Law, art. 3).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'steady_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documents) =>
      'openapiObject' in documents ? describeDocument(documents.openapiObject) : documents.swaggerObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/v1/docs',
    uiConfig: { deepLinking: true },
    validatorUrl: false,
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
}

/** The error answers every API route may give, documented once: RFC 9457 problem details. */
export const problemResponses = {
  400: Problem.describe('Invalid input; `errors` names each field'),
  401: Problem.describe('Not signed in'),
  403: Problem.describe('Not allowed'),
  404: Problem.describe('Not found, or outside your units'),
  409: Problem.describe('Conflicts with existing data'),
  422: Problem.describe('Refused by a rule; `errors` names each field'),
};
