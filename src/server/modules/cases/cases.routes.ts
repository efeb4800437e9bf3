import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Case,
  CaseListQuery,
  CasePage,
  CaseStats,
  CASE_CATEGORIES,
  OpenCaseBody,
  OutcomeBody,
  PublicCaseStatus,
  SessionBody,
} from '../../../common/schemas/cases.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import * as repo from './cases.repository.js';
import type { CaseService } from './cases.service.js';

const tags = ['cases'];
const Params = z.object({ id: Id });
const done = { 204: z.undefined(), ...problemResponses };
type CaseView = z.infer<typeof Case>;

const summary = (c: repo.CaseWithUnit) => ({
  id: c.id,
  number: c.number,
  unitId: c.unit_id,
  unitName: c.unit_name,
  category: c.category,
  issue: c.issue,
  ownerId: c.owner_person_id,
  ownerName: c.owner_name,
  status: c.status,
  outcome: c.outcome,
  agreementText: c.agreement_text,
  noAgreementReason: c.no_agreement_reason,
  followUpDate: c.follow_up_date,
  openedAt: c.opened_at,
  resolvedAt: c.resolved_at,
  closedAt: c.closed_at,
});

export function caseRoutes(app: FastifyInstance, cases: CaseService, db: Parameters<typeof repo.find>[0]): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const full = async (c: repo.CaseWithUnit): Promise<CaseView> => ({
    ...summary(c),
    parties: (await repo.partiesOf(db, c.id)).map((p) => ({
      name: p.name,
      contact: p.contact,
      raisedIt: p.raised_it === 1,
    })),
    sessions: (await repo.sessionsOf(db, c.id)).map((s) => ({
      id: s.id,
      at: s.at,
      mediator: s.mediator ?? '',
      notes: s.notes,
    })),
  });

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
    async (req) => {
      const { rows, total } = await cases.list(actorOf(req), req.query);
      return { items: rows.map(summary), page: req.query.page, pageSize: req.query.pageSize, total };
    },
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
      const { row, token } = await cases.open(actorOf(req), req.body);
      return reply.code(201).send({ ...(await full((await repo.find(db, row.id))!)), publicToken: token });
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
    async (req) => {
      const { rows, durations } = await cases.stats(actorOf(req), req.query.unitId);
      const days = durations
        .map((d) => (Date.parse(d.resolved_at!) - Date.parse(d.opened_at)) / 86_400_000)
        .sort((a, b) => a - b);
      const count = (category: string, pick: (row: (typeof rows)[number]) => boolean) =>
        rows.filter((x) => x.category === category && pick(x)).reduce((n, x) => n + Number(x.n), 0);
      return {
        byCategory: CASE_CATEGORIES.map((category) => ({
          category,
          open: count(category, (x) => x.state === 'open'),
          agreement: count(category, (x) => x.outcome === 'agreement'),
          noAgreement: count(category, (x) => x.outcome === 'no_agreement'),
        })),
        resolved: days.length,
        medianDaysToResolve: days.length ? Math.round(days[Math.floor((days.length - 1) / 2)]! * 10) / 10 : null,
      };
    },
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
    async (req) => full(await cases.get(actorOf(req), req.params.id)),
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
    async (req) => {
      const c = await cases.publicStatus(req.params.token);
      return {
        number: c.number,
        status: c.status,
        openedAt: c.opened_at,
        lastActivityAt: c.last_activity_at,
        resolvedAt: c.resolved_at,
        followUpDate: c.follow_up_date,
      };
    },
  );
}
