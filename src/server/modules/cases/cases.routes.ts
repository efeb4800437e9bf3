import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Case,
  CaseListQuery,
  CasePage,
  CaseStats,
  OpenCaseBody,
  OutcomeBody,
  PublicCaseStatus,
  SessionBody,
} from '../../../common/schemas/cases.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { presentCase, presentCasePage, presentCaseStats, presentPublicStatus } from './cases.presenter.js';
import type { CaseService } from './cases.service.js';

const tags = ['cases'];
const Params = z.object({ id: Id });
const done = { 204: z.undefined(), ...problemResponses };

export function caseRoutes(app: FastifyInstance, cases: CaseService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Dispute cases of your units',
        querystring: CaseListQuery,
        response: { 200: CasePage, ...problemResponses },
      },
    },
    async (req) => presentCasePage(await cases.list(actorOf(req), req.query), req.query),
  );

  r.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Open a case; the answer carries the private status link once',
        body: OpenCaseBody,
        response: { 201: Case.extend({ publicToken: z.string() }), ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { row, token } = await cases.open(actor, req.body);
      return reply.code(201).send({ ...presentCase(await cases.detail(actor, row.id)), publicToken: token });
    },
  );

  r.get(
    '/api/v1/cases/stats',
    {
      schema: {
        tags,
        summary: 'Cases by category and outcome, and time to resolve',
        querystring: z.object({ unitId: Id.optional() }),
        response: { 200: CaseStats, ...problemResponses },
      },
    },
    async (req) => presentCaseStats(await cases.stats(actorOf(req), req.query.unitId)),
  );

  r.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with its parties and sessions',
        params: Params,
        response: { 200: Case, ...problemResponses },
      },
    },
    async (req) => presentCase(await cases.detail(actorOf(req), req.params.id)),
  );

  r.post(
    '/api/v1/cases/:id/sessions',
    { schema: { tags, summary: 'Record a mediation session', params: Params, body: SessionBody, response: done } },
    async (req, reply) => {
      await cases.addSession(actorOf(req), req.params.id, req.body.notes, req.body.at);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/cases/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record the outcome: an agreement, or none and why',
        params: Params,
        body: OutcomeBody,
        response: done,
      },
    },
    async (req, reply) => {
      await cases.recordOutcome(actorOf(req), req.params.id, req.body);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/cases/:id/close',
    { schema: { tags, summary: 'Close a resolved case', params: Params, response: done } },
    async (req, reply) => {
      await cases.close(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/cases/:id/public-link',
    {
      schema: {
        tags,
        summary: 'Issue a new private status link (the old one stops working)',
        params: Params,
        response: { 200: z.object({ publicToken: z.string() }), ...problemResponses },
      },
    },
    async (req) => ({
      publicToken: await cases.reissueLink(actorOf(req), req.params.id),
    }),
  );

  r.get(
    '/api/v1/public/cases/:token',
    {
      schema: {
        tags,
        summary: 'Status of a case, for the person who raised it (no sign-in)',
        params: z.object({ token: z.string().max(100) }),
        response: { 200: PublicCaseStatus, ...problemResponses },
      },
      config: { public: true, rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req) => presentPublicStatus(await cases.publicStatus(req.params.token)),
  );
}
