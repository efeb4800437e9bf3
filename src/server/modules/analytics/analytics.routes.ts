import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Analytics, AnalyticsQuery } from '../../../common/schemas/analytics.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { analyticsWorkbook } from './analytics.export.js';
import type { AnalyticsService } from './analytics.service.js';

const tags = ['analytics'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Head = Analytics.pick({ unitId: true, unitName: true, from: true, last: true });

/** The four analytics views, each its own request (the screen asks for them at once), all four, and the spreadsheet. */
export function analyticsRoutes(app: FastifyInstance, analytics: AnalyticsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const querystring = AnalyticsQuery;
  r.get(
    '/api/v1/analytics',
    {
      schema: {
        tags,
        summary: 'Every analytics view of a subtree at once',
        querystring,
        response: { 200: Analytics, ...problemResponses },
      },
    },
    async (req) => analytics.view(actorOf(req), req.query),
  );
  r.get(
    '/api/v1/analytics/response',
    {
      schema: {
        tags,
        summary: 'Time to acknowledge and to report upward per unit: median and worst',
        querystring,
        response: { 200: Head.extend({ response: Analytics.shape.response }), ...problemResponses },
      },
    },
    async (req) => analytics.response(actorOf(req), req.query),
  );
  r.get(
    '/api/v1/analytics/heat',
    {
      schema: {
        tags,
        summary: 'Late and missing daily reports per week, per unit directly below',
        querystring,
        response: { 200: Head.extend({ heat: Analytics.shape.heat }), ...problemResponses },
      },
    },
    async (req) => analytics.heat(actorOf(req), req.query),
  );
  r.get(
    '/api/v1/analytics/ageing',
    {
      schema: {
        tags,
        summary: 'Open hazards and supervised items by age',
        querystring,
        response: { 200: Head.extend({ ageing: Analytics.shape.ageing }), ...problemResponses },
      },
    },
    async (req) => analytics.ageing(actorOf(req), req.query),
  );
  r.get(
    '/api/v1/analytics/hazards',
    {
      schema: {
        tags,
        summary: 'Hazards found, fixed and overdue by category and risk',
        querystring,
        response: { 200: Head.extend({ hazards: Analytics.shape.hazards }), ...problemResponses },
      },
    },
    async (req) => analytics.hazards(actorOf(req), req.query),
  );
  r.get(
    '/api/v1/analytics/export.xlsx',
    {
      schema: { tags, summary: 'Every view as a spreadsheet', querystring, produces: [XLSX] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const a = await analytics.view(actor, req.query);
      const name = `analytics-${a.from}-${a.last}.xlsx`;
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(await analyticsWorkbook(a, actor.locale));
    },
  );
}
