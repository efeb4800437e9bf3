import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ComplianceQuery, ComplianceView } from '../../../common/schemas/compliance.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { ComplianceService } from './compliance.service.js';

export function complianceRoutes(app: FastifyInstance, compliance: ComplianceService): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/compliance',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Red / amber / green per unit against the rules Steady ships, each with its reason and source',
        querystring: ComplianceQuery,
        response: { 200: ComplianceView, ...problemResponses },
      },
    },
    async (req) => {
      const units = await compliance.view(actorOf(req), req.query.unitId);
      return {
        units,
        counts: {
          green: units.filter((u) => u.state === 'green').length,
          amber: units.filter((u) => u.state === 'amber').length,
          red: units.filter((u) => u.state === 'red').length,
        },
      };
    },
  );
}
