import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Analytics, AnalyticsQuery } from '../../../common/schemas/analytics.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { analyticsWorkbook } from './analytics.export.js';
import type { AnalyticsService } from './analytics.service.js';

const tags = ['analytics'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function analyticsRoutes(app: FastifyInstance, analytics: AnalyticsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/analytics',
    {
      schema: {
        tags,
        summary: 'Response times, late and missing reports by week, hazard ageing and statistics for a subtree',
        querystring: AnalyticsQuery,
        response: { 200: Analytics, ...problemResponses },
      },
    },
    async (req) => analytics.view(actorOf(req), req.query),
  );
  r.get(
    '/api/v1/analytics/export.xlsx',
    { schema: { tags, summary: 'The same figures as a spreadsheet', querystring: AnalyticsQuery, produces: [XLSX] } },
    async (req, reply) => {
      const actor = actorOf(req);
      const a = await analytics.view(actor, req.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="analytics-${a.from}-${a.last}.xlsx"`)
        .send(await analyticsWorkbook(a, actor.locale));
    },
  );
}
