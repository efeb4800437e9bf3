import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, PageQuery } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { PHOTO_BODY_LIMIT, PhotoView, readPhoto, registerPhotoUploads, sendPhoto } from '../../http/photo-upload.js';
import { requestLocale } from '../../http/problem.js';
import {
  Checklist,
  ChecklistSummary,
  CopyTemplateBody,
  Inspection,
  InspectionPage,
  RunBody,
  Schedule,
  ScheduleBody,
  TemplateView,
  UpdateChecklistBody,
  UpdateScheduleBody,
} from '../../../common/schemas/inspections.js';
import {
  presentChecklist,
  presentChecklistSummary,
  presentInspection,
  presentInspectionSummary,
  presentSchedule,
} from './inspections.presenter.js';
import type { Inspections } from './inspections.module.js';
import { rectificationRoutes } from './rectification.routes.js';

const tags = ['inspections'];
const Params = z.object({ id: Id });
const UnitQuery = z.object({ unitId: Id });
const done = { 204: z.undefined(), ...problemResponses };

/** Checklists, schedules, inspection runs and their photos; the tasks and the ledger follow. */
export async function inspectionRoutes(app: FastifyInstance, m: Inspections): Promise<void> {
  await registerPhotoUploads(app);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/checklist-templates',
    {
      schema: {
        tags,
        summary: 'The checklists Steady ships, in the unit’s language',
        querystring: z.object({ unitId: Id.optional() }),
        response: { 200: z.array(TemplateView), ...problemResponses },
      },
    },
    async (req) => m.checklists.templates(actorOf(req), req.query.unitId, requestLocale(req)),
  );

  r.get(
    '/api/v1/checklists',
    {
      schema: {
        tags,
        summary: 'A unit’s checklists',
        querystring: UnitQuery,
        response: { 200: z.array(ChecklistSummary), ...problemResponses },
      },
    },
    async (req) => (await m.checklists.list(actorOf(req), req.query.unitId)).map(presentChecklistSummary),
  );

  r.post(
    '/api/v1/checklists',
    {
      schema: {
        tags,
        summary: 'Copy a shipped template into a unit (in the unit’s language)',
        body: CopyTemplateBody,
        response: { 201: Checklist, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentChecklist(await m.checklists.copyTemplate(actorOf(req), req.body))),
  );

  r.get(
    '/api/v1/checklists/:id',
    {
      schema: {
        tags,
        summary: 'One checklist with its items',
        params: Params,
        response: { 200: Checklist, ...problemResponses },
      },
    },
    async (req) => presentChecklist(await m.checklists.get(actorOf(req), req.params.id)),
  );

  r.patch(
    '/api/v1/checklists/:id',
    {
      schema: {
        tags,
        summary: 'Rename a checklist, or add, remove and reword its items (send them all)',
        params: Params,
        body: UpdateChecklistBody,
        response: { 200: Checklist, ...problemResponses },
      },
    },
    async (req) => presentChecklist(await m.checklists.update(actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/inspection-schedules',
    {
      schema: {
        tags,
        summary: 'Who runs which checklist how often, and when next',
        querystring: UnitQuery,
        response: { 200: z.array(Schedule), ...problemResponses },
      },
    },
    async (req) => (await m.schedules.list(actorOf(req), req.query.unitId)).map(presentSchedule),
  );

  r.post(
    '/api/v1/inspection-schedules',
    {
      schema: {
        tags,
        summary: 'Schedule a checklist; the role’s holders are reminded on each due date',
        body: ScheduleBody,
        response: { 201: Schedule, ...problemResponses },
      },
    },
    async (req, reply) => {
      const id = await m.schedules.create(actorOf(req), req.body);
      const all = await m.schedules.list(actorOf(req), req.body.unitId);
      return reply.code(201).send(presentSchedule(all.find((s) => s.id === id)!));
    },
  );

  r.patch(
    '/api/v1/inspection-schedules/:id',
    {
      schema: {
        tags,
        summary: 'Change a schedule (cadence, role, next date, on or off)',
        params: Params,
        body: UpdateScheduleBody,
        response: done,
      },
    },
    async (req, reply) => {
      await m.schedules.update(actorOf(req), req.params.id, req.body);
      return reply.code(204).send();
    },
  );

  r.delete(
    '/api/v1/inspection-schedules/:id',
    { schema: { tags, summary: 'Remove a schedule', params: Params, response: done } },
    async (req, reply) => {
      await m.schedules.remove(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/inspection-photos',
    {
      schema: {
        tags,
        summary:
          'Upload a photo for a run or a task step (multipart/form-data, ' +
          'field "photo"); checked by content to be an image',
        querystring: UnitQuery,
        consumes: ['multipart/form-data'],
        response: { 201: PhotoView, ...problemResponses },
      },
      bodyLimit: PHOTO_BODY_LIMIT,
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const bytes = await readPhoto(req);
      return reply.code(201).send(await m.inspections.addPhoto(actor, req.query.unitId, bytes));
    },
  );

  r.get(
    '/api/v1/inspection-photos/:id',
    { schema: { tags, summary: 'One photo of a run or a task', params: Params, produces: ['image/*'] } },
    async (req, reply) => {
      const found = await m.inspections.photoFile(actorOf(req), req.params.id);
      return sendPhoto(reply, { id: req.params.id, mime: found.mime, path: found.path });
    },
  );

  r.get(
    '/api/v1/inspections',
    {
      schema: {
        tags,
        summary: 'A unit’s inspection runs, newest first',
        querystring: PageQuery.extend({ unitId: Id }),
        response: { 200: InspectionPage, ...problemResponses },
      },
    },
    async (req) => {
      const { rows, total } = await m.inspections.list(actorOf(req), req.query.unitId, req.query);
      return { items: rows.map(presentInspectionSummary), page: req.query.page, pageSize: req.query.pageSize, total };
    },
  );

  r.post(
    '/api/v1/inspections',
    {
      schema: {
        tags,
        summary: 'Submit a run: every item pass, fail or not applicable; each failure becomes a rectification task',
        body: RunBody,
        response: { 201: Inspection, ...problemResponses },
      },
    },
    async (req, reply) => {
      const id = await m.inspections.submit(actorOf(req), req.body);
      return reply.code(201).send(presentInspection(await m.inspections.get(actorOf(req), id)));
    },
  );

  r.get(
    '/api/v1/inspections/:id',
    {
      schema: {
        tags,
        summary: 'One run with its results',
        params: Params,
        response: { 200: Inspection, ...problemResponses },
      },
    },
    async (req) => presentInspection(await m.inspections.get(actorOf(req), req.params.id)),
  );

  rectificationRoutes(app, m);
}
