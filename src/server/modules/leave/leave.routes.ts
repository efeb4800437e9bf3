import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AwayNowQuery,
  DecideLeaveBody,
  Leave,
  LeaveListQuery,
  RequestLeaveBody,
} from '../../../common/schemas/leave.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { Actor } from '../auth/actor.js';
import { present } from './leave.presenter.js';
import type * as repo from './leave.repository.js';
import type { LeaveService } from './leave.service.js';

const tags = ['leave'];
const Params = z.object({ id: Id });

export function leaveRoutes(app: FastifyInstance, leave: LeaveService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const many = async (actor: Actor, rows: repo.LeaveWithUnit[]) => present(rows, await leave.detailsFor(actor, rows));
  const one = async (actor: Actor, row: repo.LeaveWithUnit) => (await many(actor, [row]))[0]!;

  r.get(
    '/api/v1/leave',
    {
      schema: {
        tags,
        summary: 'Leave of heads in your units (or below one unit), newest first',
        querystring: LeaveListQuery,
        response: { 200: z.array(Leave), ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return many(actor, await leave.list(actor, req.query));
    },
  );

  r.get(
    '/api/v1/leave/away-now',
    {
      schema: {
        tags,
        summary: 'Heads away now across your subtree, and who acts for each',
        querystring: AwayNowQuery,
        response: { 200: z.array(Leave), ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return many(actor, await leave.awayNow(actor, req.query.unitId));
    },
  );

  r.post(
    '/api/v1/leave',
    {
      schema: {
        tags,
        summary: 'A head asks for leave (or records it, when the plan asks no approval)',
        body: RequestLeaveBody,
        response: { 201: Leave, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await one(actor, await leave.request(actor, req.body)));
    },
  );

  r.post(
    '/api/v1/leave/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve: the deputy acts as head for those dates',
        params: Params,
        body: DecideLeaveBody,
        response: { 200: Leave, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return one(actor, await leave.decide(actor, req.params.id, true, req.body.note));
    },
  );

  r.post(
    '/api/v1/leave/:id/refuse',
    {
      schema: {
        tags,
        summary: 'Refuse a leave request',
        params: Params,
        body: DecideLeaveBody,
        response: { 200: Leave, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return one(actor, await leave.decide(actor, req.params.id, false, req.body.note));
    },
  );

  r.post(
    '/api/v1/leave/:id/cancel',
    {
      schema: {
        tags,
        summary: 'The head withdraws the request or ends the leave',
        params: Params,
        response: { 200: Leave, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return one(actor, await leave.cancel(actor, req.params.id));
    },
  );
}
