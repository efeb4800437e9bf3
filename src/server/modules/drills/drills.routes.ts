import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Drill,
  DrillCompliance,
  DrillListQuery,
  DrillPage,
  RecordDrillBody,
  ScheduleDrillBody,
} from '../../../common/schemas/drills.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { presentCompliance, presentDrill, presentDrillPage } from './drills.presenter.js';
import type { DrillService } from './drills.service.js';

const tags = ['drills'];

export function drillRoutes(app: FastifyInstance, drills: DrillService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/drills',
    {
      schema: {
        tags,
        summary: 'Drills of your units',
        querystring: DrillListQuery,
        response: { 200: DrillPage, ...problemResponses },
      },
    },
    async (req) => presentDrillPage(await drills.list(actorOf(req), req.query), req.query),
  );

  r.post(
    '/api/v1/drills',
    {
      schema: { tags, summary: 'Plan a drill', body: ScheduleDrillBody, response: { 201: Drill, ...problemResponses } },
    },
    async (req, reply) => reply.code(201).send(presentDrill(await drills.schedule(actorOf(req), req.body))),
  );

  r.post(
    '/api/v1/drills/:id/record',
    {
      schema: {
        tags,
        summary: 'Record how a drill went',
        params: z.object({ id: Id }),
        body: RecordDrillBody,
        response: { 200: Drill, ...problemResponses },
      },
    },
    async (req) => presentDrill(await drills.record(actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/drills/compliance',
    {
      schema: {
        tags,
        summary: 'Which units are on schedule, due soon or overdue, by drill type',
        querystring: z.object({ unitId: Id.optional() }),
        response: { 200: DrillCompliance, ...problemResponses },
      },
    },
    async (req) => presentCompliance(await drills.compliance(actorOf(req), req.query.unitId)),
  );

  r.get(
    '/api/v1/drills/:id',
    {
      schema: {
        tags,
        summary: 'One drill',
        params: z.object({ id: Id }),
        response: { 200: Drill, ...problemResponses },
      },
    },
    async (req) => presentDrill(await drills.get(actorOf(req), req.params.id)),
  );
}
