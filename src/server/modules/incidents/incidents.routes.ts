import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CloseBody,
  EventBody,
  FileReportBody,
  FlagParams,
  Incident,
  IncidentListQuery,
  IncidentPage,
  IncidentParams,
  IncidentPrinciples,
  NoteBody,
  PrinciplesQuery,
  ReportIncidentBody,
  StatusBody,
  StepParams,
} from '../../../common/schemas/incidents.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { presentIncident } from './incidents.presenter.js';
import type { IncidentService } from './incidents.service.js';

const tags = ['incidents'];
const done = { 204: z.undefined(), ...problemResponses };

export function incidentRoutes(app: FastifyInstance, incidents: IncidentService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const show = async (req: Parameters<typeof actorOf>[0], id: string) =>
    presentIncident(actorOf(req), await incidents.bundle(actorOf(req), id));

  r.get(
    '/api/v1/incidents',
    {
      schema: {
        tags,
        summary: 'Incidents across your units (the board)',
        querystring: IncidentListQuery,
        response: { 200: IncidentPage, ...problemResponses },
      },
    },
    async (req) => {
      const { open, ...rest } = req.query;
      const { unitNames, ...page } = await incidents.list(actorOf(req), { ...rest, open: open === 'true' });
      return {
        ...page,
        items: page.items.map(({ incident, steps, flags, reporting }) => ({
          id: incident.id,
          unitId: incident.unit_id,
          unitName: incident.unit_name,
          type: incident.type,
          severity: incident.severity,
          place: incident.place,
          status: incident.status,
          drill: incident.drill === 1,
          reportedAt: incident.reported_at,
          nextDueAt:
            steps
              .filter((s) => s.state !== 'done')
              .map((s) => s.due_at)
              .sort()[0] ?? null,
          deadlines:
            incident.status === 'closed'
              ? []
              : steps.flatMap((s) =>
                  s.state === 'done'
                    ? []
                    : [
                        {
                          stepId: s.id,
                          position: s.position,
                          kind: s.kind,
                          role: s.role,
                          targetUnitName: unitNames.get(s.target_unit_id) ?? '',
                          dueAt: s.due_at,
                          state: s.state,
                          late: s.late === 1,
                          simulated: s.simulated === 1,
                        },
                      ],
                ),
          lateSteps: steps.filter((s) => s.late === 1).length,
          flags: flags.length,
          reporting,
        })),
      };
    },
  );

  r.get(
    '/api/v1/incidents/principles',
    {
      schema: {
        tags,
        summary: 'The response principles of the plan in force for a unit, to keep in view while reporting',
        querystring: PrinciplesQuery,
        response: { 200: IncidentPrinciples, ...problemResponses },
      },
    },
    async (req) => incidents.principles(actorOf(req), req.query.unitId),
  );

  r.post(
    '/api/v1/incidents',
    {
      schema: {
        tags,
        summary: 'Report an incident',
        body: ReportIncidentBody,
        response: { 201: Incident, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(presentIncident(actor, await incidents.reportAndShow(actor, req.body)));
    },
  );

  r.get(
    '/api/v1/incidents/:id',
    {
      schema: {
        tags,
        summary: 'One incident with its chain, flags and timeline',
        params: IncidentParams,
        response: { 200: Incident, ...problemResponses },
      },
    },
    async (req) => show(req, req.params.id),
  );

  r.post(
    '/api/v1/incidents/:id/steps/:stepId/acknowledge',
    { schema: { tags, summary: 'Acknowledge a notification addressed to you', params: StepParams, response: done } },
    async (req, reply) => {
      await incidents.completeStep(actorOf(req), req.params.id, req.params.stepId, 'notify', null);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/incidents/:id/steps/:stepId/report',
    {
      schema: {
        tags,
        summary: 'File the formal report upward',
        params: StepParams,
        body: FileReportBody,
        response: done,
      },
    },
    async (req, reply) => {
      await incidents.completeStep(actorOf(req), req.params.id, req.params.stepId, 'report', req.body.text);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/incidents/:id/events',
    {
      schema: {
        tags,
        summary: 'Add a comment or an update to the timeline',
        params: IncidentParams,
        body: EventBody,
        response: done,
      },
    },
    async (req, reply) => {
      await incidents.addEvent(actorOf(req), req.params.id, req.body.kind, req.body.text);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/incidents/:id/status',
    { schema: { tags, summary: 'Move the status forward', params: IncidentParams, body: StatusBody, response: done } },
    async (req, reply) => {
      await incidents.changeStatus(actorOf(req), req.params.id, req.body.status);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/incidents/:id/flags/:flagId/notes',
    {
      schema: {
        tags,
        summary: 'Answer a flag with an explanation (it stays on the record)',
        params: FlagParams,
        body: NoteBody,
        response: done,
      },
    },
    async (req, reply) => {
      await incidents.explainFlag(actorOf(req), req.params.id, req.params.flagId, req.body.text);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/incidents/:id/close',
    {
      schema: {
        tags,
        summary: 'Close with the after-action report',
        params: IncidentParams,
        body: CloseBody,
        response: done,
      },
    },
    async (req, reply) => {
      await incidents.close(actorOf(req), req.params.id, req.body.report);
      return reply.code(204).send();
    },
  );
}
