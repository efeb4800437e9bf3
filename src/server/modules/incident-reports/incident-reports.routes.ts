import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CasualtyChangeBody,
  EditReportBody,
  IncidentReportParams,
  IncidentReporting,
  InboxPage,
  InboxQuery,
  NewReportBody,
  ReportParams,
  ReportView,
  ReturnBody,
  VerbalReportBody,
} from '../../../common/schemas/incident-reports.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { IncidentReports } from './incident-reports.module.js';

const tags = ['incident reports'];
const reportReply = { 200: ReportView, ...problemResponses };

/**
 * Staged incident reports (信息报送): the incident's reporting, starting a stage, the verbal
 * report and casualty changes; one report's draft, sign-off, sending, and the receiving unit's
 * return, acceptance and forwarding; the inbox of received reports.
 */
export function incidentReportRoutes(app: FastifyInstance, m: IncidentReports): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/incident-reports/:reportId';

  r.get(
    '/api/v1/incidents/:id/reporting',
    {
      schema: {
        tags,
        summary: 'An incident’s staged reports: deadlines, verbal report, reports, casualty figures',
        params: IncidentReportParams,
        response: { 200: IncidentReporting, ...problemResponses },
      },
    },
    async (req) => m.queries.reporting(actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/incidents/:id/reports',
    {
      schema: {
        tags,
        summary: 'Start a written stage (first report, follow-up, final report, supplementary report) as a draft',
        params: IncidentReportParams,
        body: NewReportBody,
        response: { 201: ReportView, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await m.service.start(actor, req.params.id, req.body.stage, req.body.content);
      return reply.code(201).send(await m.queries.report(actor, id));
    },
  );

  r.post(
    '/api/v1/incidents/:id/verbal-report',
    {
      schema: {
        tags,
        summary: 'Record the verbal report to the unit above (whom, how, when); it completes the chain’s report step',
        params: IncidentReportParams,
        body: VerbalReportBody,
        response: { 200: IncidentReporting, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await m.records.recordVerbal(actor, req.params.id, req.body);
      return m.queries.reporting(actor, req.params.id);
    },
  );

  r.post(
    '/api/v1/incidents/:id/casualties',
    {
      schema: {
        tags,
        summary: 'Record changed casualty figures; after the final report this opens a supplementary report (补报)',
        params: IncidentReportParams,
        body: CasualtyChangeBody,
        response: { 200: IncidentReporting, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await m.records.changeCasualties(actor, req.params.id, req.body.casualties, req.body.note);
      return m.queries.reporting(actor, req.params.id);
    },
  );

  r.get(
    '/api/v1/incident-reports/inbox',
    {
      schema: {
        tags,
        summary: 'Reports received by your units and the units below them',
        querystring: InboxQuery,
        response: { 200: InboxPage, ...problemResponses },
      },
    },
    async (req) => {
      const { open, ...rest } = req.query;
      return m.queries.inbox(actorOf(req), { ...rest, open: open === 'true' });
    },
  );

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'One report with every version, the differences between them and the exchange',
        params: ReportParams,
        response: reportReply,
      },
    },
    async (req) => m.queries.report(actorOf(req), req.params.reportId),
  );

  const action = (
    path: string,
    summary: string,
    run: (actor: ReturnType<typeof actorOf>, id: string, body: unknown) => Promise<unknown>,
  ) =>
    r.post(
      `${base}/${path}`,
      { schema: { tags, summary, params: ReportParams, response: reportReply } },
      async (req) => {
        const actor = actorOf(req);
        await run(actor, req.params.reportId, req.body);
        return m.queries.report(actor, req.params.reportId);
      },
    );

  r.patch(
    base,
    {
      schema: {
        tags,
        summary: 'Change the draft (until it is signed off)',
        params: ReportParams,
        body: EditReportBody,
        response: reportReply,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await m.service.edit(actor, req.params.reportId, req.body.content);
      return m.queries.report(actor, req.params.reportId);
    },
  );
  action('submit', 'Submit the draft to the head for sign-off (送签)', (actor, id) => m.service.submit(actor, id));
  action('sign-off', 'Sign the current version off as the head or acting head (签发)', (actor, id) =>
    m.service.signOff(actor, id),
  );
  action('send', 'Send the signed-off version to the unit above (报送)', (actor, id) => m.service.send(actor, id));
  action('accept', 'Accept the report received (接收)', (actor, id) => m.reception.accept(actor, id));

  r.post(
    `${base}/return`,
    {
      schema: {
        tags,
        summary: 'Return it for more information, with a reason and a new deadline (退回补充)',
        params: ReportParams,
        body: ReturnBody,
        response: reportReply,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await m.reception.returnForMore(actor, req.params.reportId, req.body.reason, req.body.dueAt);
      return m.queries.report(actor, req.params.reportId);
    },
  );

  r.post(
    `${base}/forward`,
    {
      schema: {
        tags,
        summary: 'Forward it upward as the receiving unit’s own report (转报); answers the new draft',
        params: ReportParams,
        response: { 201: ReportView, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await m.reception.forward(actor, req.params.reportId);
      return reply.code(201).send(await m.queries.report(actor, id));
    },
  );
}
