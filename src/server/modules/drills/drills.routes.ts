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
import type { DrillRow } from './drills.table.js';
import { actorOf } from '../../http/actor.js';
import { notFound } from '../../lib/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { evacuationOnTarget, type DrillService } from './drills.service.js';

const tags = ['drills'];
type DrillView = z.infer<typeof Drill>;

/** Every answer names the drill's unit (the service returns it with each row). */
const present = (d: DrillRow & { unit_name: string }): DrillView => ({
  id: d.id,
  unitId: d.unit_id,
  unitName: d.unit_name,
  type: d.type,
  title: d.title,
  plannedDate: d.planned_date,
  status: d.status,
  startedAt: d.started_at,
  endedAt: d.ended_at,
  participants: d.participants,
  evacuationSeconds: d.evacuation_seconds,
  evacuationOnTarget: evacuationOnTarget(d.evacuation_seconds),
  evaluation: d.evaluation,
  problems: JSON.parse(d.problems_json) as string[],
});

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
    async (req) => {
      const { rows, total } = await drills.list(actorOf(req), req.query);
      return { items: rows.map((d) => present(d)), page: req.query.page, pageSize: req.query.pageSize, total };
    },
  );

  r.post(
    '/api/v1/drills',
    {
      schema: { tags, summary: 'Plan a drill', body: ScheduleDrillBody, response: { 201: Drill, ...problemResponses } },
    },
    async (req, reply) => reply.code(201).send(present(await drills.schedule(actorOf(req), req.body))),
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
    async (req) => present(await drills.record(actorOf(req), req.params.id, req.body)),
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
    async (req) => ({
      units: await drills.compliance(actorOf(req), req.query.unitId),
    }),
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
    async (req) => {
      const drill = await drills.find(actorOf(req), req.params.id);
      if (!drill) throw notFound();
      return present(drill);
    },
  );
}
