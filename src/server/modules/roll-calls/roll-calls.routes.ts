import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MarkBatchBody,
  MarkBatchResult,
  RollCall,
  RollCallGroupList,
  RollCallGroupParams,
  RollCallListQuery,
  RollCallPage,
  RollCallParams,
  StartRollCallBody,
} from '../../../common/schemas/roll-calls.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { requestLocale } from '../../http/problem.js';
import { presentGroupList, presentRollCall } from './roll-calls.presenter.js';
import type { RollCallService } from './roll-calls.service.js';

const tags = ['roll-calls'];

export function rollCallRoutes(app: FastifyInstance, rollCalls: RollCallService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/roll-calls',
    {
      schema: {
        tags,
        summary:
          'Start an evacuation roll call of a school: from a drill, an incident, or by the head; ' +
          'its classes, the staff on duty and the visitors inside are listed',
        body: StartRollCallBody,
        response: { 201: RollCall, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await rollCalls.start(actor, req.body);
      return reply.code(201).send(presentRollCall(await rollCalls.get(actor, id), requestLocale(req)));
    },
  );

  r.get(
    '/api/v1/roll-calls',
    {
      schema: {
        tags,
        summary: 'Roll calls of your units, newest first, with their counts (no names)',
        querystring: RollCallListQuery,
        response: { 200: RollCallPage, ...problemResponses },
      },
    },
    async (req) => {
      const { views, total } = await rollCalls.list(actorOf(req), req.query);
      return {
        items: views.map((v) => presentRollCall(v, requestLocale(req))),
        page: req.query.page,
        pageSize: req.query.pageSize,
        total,
      };
    },
  );

  r.get(
    '/api/v1/roll-calls/:id',
    {
      schema: {
        tags,
        summary: 'A roll call live: accounted for, missing and not reported, per group, against the target (no names)',
        params: RollCallParams,
        response: { 200: RollCall, ...problemResponses },
      },
    },
    async (req) => presentRollCall(await rollCalls.get(actorOf(req), req.params.id), requestLocale(req)),
  );

  r.get(
    '/api/v1/roll-calls/:id/groups/:groupKey',
    {
      schema: {
        tags,
        summary:
          'One group’s names and marks with their history: a class for its own teacher and the school’s head and ' +
          'safety officer; staff and visitors for those who run the roll call and the gate (the look is logged)',
        params: RollCallGroupParams,
        response: { 200: RollCallGroupList, ...problemResponses },
      },
    },
    async (req) => {
      const { row, view, subjects } = await rollCalls.group(actorOf(req), req.params.id, req.params.groupKey);
      return presentGroupList(row, view, subjects, requestLocale(req));
    },
  );

  r.post(
    '/api/v1/roll-calls/:id/marks',
    {
      schema: {
        tags,
        summary:
          'Marks from a phone, sent as soon as it has a network: each stored once by its idempotency key; ' +
          'the latest by markedAt is shown, every mark kept in the history',
        params: RollCallParams,
        body: MarkBatchBody,
        response: { 200: MarkBatchResult, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { stored, repeated } = await rollCalls.mark(actor, req.params.id, req.body.marks);
      return {
        stored,
        repeated,
        rollCall: presentRollCall(await rollCalls.get(actor, req.params.id), requestLocale(req)),
      };
    },
  );

  r.post(
    '/api/v1/roll-calls/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a roll call: no further marks are taken',
        params: RollCallParams,
        response: { 200: RollCall, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await rollCalls.close(actor, req.params.id);
      return presentRollCall(await rollCalls.get(actor, req.params.id), requestLocale(req));
    },
  );
}
