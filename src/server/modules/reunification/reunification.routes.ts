import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AbsentBody,
  ReleaseBody,
  ReleaseResult,
  Reunification,
  ReunificationBody,
  ReunificationCounts,
  ReunificationSummary,
  WaitingPupil,
} from '../../../common/schemas/reunification.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { presentReunification, presentSummary, presentWaiting } from './reunification.presenter.js';
import type { ReunificationService } from './reunification.service.js';

const tags = ['reunifications'];
const ById = z.object({ id: Id });
const BASE = '/api/v1/reunifications';

export function reunificationRoutes(app: FastifyInstance, service: ReunificationService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Open a reunification after a real evacuation: guardians are sent the point, staff are told',
        body: ReunificationBody,
        response: { 201: Reunification, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(presentReunification(await service.open(actorOf(req), req.body))),
  );

  r.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'A school’s reunifications (for its head and safety officer; open ones for their release staff)',
        querystring: z.object({ unitId: Id }),
        response: { 200: z.array(ReunificationSummary), ...problemResponses },
      },
    },
    async (req) => (await service.ofUnit(actorOf(req), req.query.unitId)).map(presentSummary),
  );

  r.get(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'A reunification with its counts; the head and safety officer also see who was released or refused',
        params: ById,
        response: { 200: Reunification, ...problemResponses },
      },
    },
    async (req) => presentReunification(await service.get(actorOf(req), req.params.id)),
  );

  r.get(
    `${BASE}/:id/pupils`,
    {
      schema: {
        tags,
        summary:
          'Find a child by name or class (or all, for the phone to keep offline), with who may collect them: ' +
          'names, relations and check values only; the look is logged',
        params: ById,
        querystring: z.object({
          q: z.string().trim().min(1).max(40).optional(),
          classId: Id.optional(),
          all: z.literal('1').optional().describe('Every child of the school, for checking offline'),
        }),
        response: { 200: z.array(WaitingPupil), ...problemResponses },
      },
    },
    async (req) =>
      (await service.search(actorOf(req), req.params.id, req.query.q, req.query.classId, req.query.all === '1')).map(
        presentWaiting,
      ),
  );

  r.post(
    `${BASE}/:id/releases`,
    {
      schema: {
        tags,
        summary: 'Release a child to the adult asking (checked against the list); 422 names the checks that failed',
        params: ById,
        body: ReleaseBody,
        response: { 201: ReleaseResult, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await service.release(actorOf(req), req.params.id, req.body)),
  );

  r.post(
    `${BASE}/:id/absences`,
    {
      schema: {
        tags,
        summary: 'A child not at school that day: no longer waited for',
        params: ById,
        body: AbsentBody,
        response: { 201: ReunificationCounts, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await service.markAbsent(actorOf(req), req.params.id, req.body)),
  );

  r.post(
    `${BASE}/:id/close`,
    {
      schema: {
        tags,
        summary: 'Close the reunification: release staff lose access to the children',
        params: ById,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await service.close(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
