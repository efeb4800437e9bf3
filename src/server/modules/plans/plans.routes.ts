import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePlanBody,
  DiffQuery,
  PlanDiff,
  PlanListQuery,
  PlanPage,
  PlanParams,
  PlanVersion,
  PlanVersionParams,
  PublishedPlan,
  RulesInForceView,
  UpdateDraftBody,
} from '../../../common/schemas/plans.js';
import { Id, Timestamp } from '../../../common/schemas/shared.js';
import { problemResponses } from '../../http/openapi.js';
import { actorOf } from '../../http/actor.js';
import { requestLocale } from '../../http/problem.js';
import type { Clock } from '../../lib/clock.js';
import { translate } from '../../lib/messages.js';
import type { UnitService } from '../units/units.service.js';
import { diffPlans } from './plan-diff.js';
import { periodOf } from './plan-versions.js';
import { presentSummary, presentVersion } from './plans.presenter.js';
import type { PlanBundle, PlanService } from './plans.service.js';
import type { PlanRules } from './rules-in-force.js';

const tags = ['plans'];
const VersionInfo = z.object({
  version: z.number().int(),
  status: z.string(),
  title: z.string(),
  createdAt: Timestamp,
  publishedAt: Timestamp.nullable(),
});

export function planRoutes(
  app: FastifyInstance,
  plans: PlanService,
  rules: PlanRules,
  units: UnitService,
  clock: Clock,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** The draft if there is one, else the newest version; or the version asked for. */
  const show = async (bundle: PlanBundle, version?: number) => {
    const row =
      version === undefined
        ? (bundle.versions.find((v) => v.status === 'draft') ?? bundle.versions[bundle.versions.length - 1]!)
        : bundle.versions.find((v) => v.version === version);
    if (!row) return null;
    return presentVersion(bundle.plan, row, await plans.peopleNamedIn([row]));
  };

  r.get(
    '/api/v1/plans',
    {
      schema: {
        tags,
        summary: 'Plans of your units',
        querystring: PlanListQuery,
        response: { 200: PlanPage, ...problemResponses },
      },
    },
    async (req) => {
      const { subtree, ...rest } = req.query;
      const page = await plans.list(actorOf(req), { ...rest, subtree: subtree === 'true' });
      return { ...page, items: page.items.map((b) => presentSummary(b, clock.now())) };
    },
  );

  r.post(
    '/api/v1/plans',
    {
      schema: {
        tags,
        summary: 'Start a plan from a template',
        body: CreatePlanBody,
        response: { 201: PlanVersion, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send((await show(await plans.create(actorOf(req), req.body)))!),
  );

  r.get(
    '/api/v1/plans/:id',
    {
      schema: {
        tags,
        summary: 'A plan: its draft, or its newest version',
        params: PlanParams,
        response: { 200: PlanVersion, ...problemResponses },
      },
    },
    async (req) => (await show(await plans.get(actorOf(req), req.params.id)))!,
  );

  r.get(
    '/api/v1/plans/:id/versions',
    {
      schema: {
        tags,
        summary: 'Version history',
        params: PlanParams,
        response: { 200: z.array(VersionInfo), ...problemResponses },
      },
    },
    async (req) =>
      (await plans.get(actorOf(req), req.params.id)).versions.map((v) => ({
        version: v.version,
        status: v.status,
        title: v.title,
        createdAt: v.created_at,
        publishedAt: v.published_at,
      })),
  );

  r.get(
    '/api/v1/plans/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version',
        params: PlanVersionParams,
        response: { 200: PlanVersion, ...problemResponses },
      },
    },
    async (req) => {
      const { bundle } = await plans.version(actorOf(req), req.params.id, req.params.version);
      return (await show(bundle, req.params.version))!;
    },
  );

  r.patch(
    '/api/v1/plans/:id/draft',
    {
      schema: {
        tags,
        summary: 'Edit the draft',
        params: PlanParams,
        body: UpdateDraftBody,
        response: { 200: PlanVersion, ...problemResponses },
      },
    },
    async (req) => (await show(await plans.updateDraft(actorOf(req), req.params.id, req.body)))!,
  );

  r.post(
    '/api/v1/plans/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Start a new draft from the newest version',
        params: PlanParams,
        response: { 200: PlanVersion, ...problemResponses },
      },
    },
    async (req) => (await show(await plans.startRevision(actorOf(req), req.params.id)))!,
  );

  r.post(
    '/api/v1/plans/:id/publish',
    {
      schema: {
        tags,
        summary: 'Approve and publish the draft (the unit’s accountable head)',
        params: PlanParams,
        response: { 200: PublishedPlan, ...problemResponses },
      },
    },
    async (req) => {
      const published = await plans.publish(actorOf(req), req.params.id);
      const locale = requestLocale(req);
      const notices = published.notices.map((n) => ({ field: n.field, message: translate(locale, n.key, n.params) }));
      return { ...(await show(published))!, notices };
    },
  );

  r.get(
    '/api/v1/plans/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions',
        params: PlanParams,
        querystring: DiffQuery,
        response: { 200: PlanDiff, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const a = (await plans.version(actor, req.params.id, req.query.from)).row;
      const { row: b } = await plans.version(actor, req.params.id, req.query.to);
      const people = await plans.peopleNamedIn([a, b]);
      const names = new Map([...people.values()].map((p) => [p.id, p.name]));
      const side = (row: typeof a) => ({
        title: row.title,
        period: periodOf(row),
        content: JSON.parse(row.content_json),
      });
      return { from: a.version, to: b.version, changes: diffPlans(requestLocale(req), side(a), side(b), names) };
    },
  );

  r.get(
    '/api/v1/units/:id/rules',
    {
      schema: {
        tags,
        summary: 'The rules in force for a unit now (or at a given time)',
        params: z.object({ id: Id }),
        querystring: z.object({ at: z.iso.datetime().optional() }),
        response: { 200: RulesInForceView, ...problemResponses },
      },
    },
    async (req) => {
      await units.requireVisible(actorOf(req), req.params.id);
      const found = await rules.forUnit(req.params.id, req.query.at ? new Date(req.query.at) : clock.now());
      return {
        unitId: found.unitId,
        at: found.at,
        standingPlan: found.standing,
        specialPeriods: found.specialPeriods,
        dailyReport: found.rules.dailyReport,
        leaveApprovalRequired: found.rules.leaveApprovalRequired,
        dutyLeaderRequired: found.rules.duty.dutyLeaderRequired,
        twentyFourHourDuty: found.rules.duty.twentyFourHour,
      };
    },
  );
}
