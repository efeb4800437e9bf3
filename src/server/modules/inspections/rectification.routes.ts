import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { localDate } from '../../../common/time.js';
import { z } from 'zod';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { requestLocale } from '../../http/problem.js';
import { ledgerWorkbook } from './ledger.export.js';
import {
  CreateTaskBody,
  LedgerPage,
  LedgerQuery,
  ReportFixedBody,
  SuperviseBody,
  Task,
  UpdateTaskBody,
  VerifyBody,
} from '../../../common/schemas/inspections.js';
import { presentTask } from './inspections.presenter.js';
import type { Inspections } from './inspections.module.js';

const tags = ['rectification'];
const Params = z.object({ id: Id });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const answer = { 200: Task, ...problemResponses };

/** Rectification tasks (each a hazard found) and the ledger that lists them. */
export function rectificationRoutes(app: FastifyInstance, m: Inspections): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (actor: Parameters<typeof m.rectification.view>[0], id: string) =>
    presentTask(await m.rectification.view(actor, id));

  r.get(
    '/api/v1/rectification-ledger',
    {
      schema: {
        tags,
        summary: 'The ledger (台帐): every hazard found, its task, state and dates, for a unit or its subtree',
        querystring: LedgerQuery,
        response: { 200: LedgerPage, ...problemResponses },
      },
    },
    async (req) => {
      const { page, pageSize, ...query } = req.query;
      const found = await m.ledger.rows(actorOf(req), query, { page, pageSize });
      return { items: found.rows, page, pageSize, total: found.total };
    },
  );

  r.get(
    '/api/v1/rectification-ledger/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The ledger with the same filters, every row, as a spreadsheet',
        querystring: LedgerQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const found = await m.ledger.rows(actorOf(req), req.query);
      const buffer = await ledgerWorkbook(found.rows, requestLocale(req), found.zone);
      // Named for the day in the unit's zone: a ledger written at 07:00 in Shanghai is that day's.
      const day = localDate(found.now, found.zone);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="rectification-ledger-${day}.xlsx"`)
        .send(buffer);
    },
  );

  r.post(
    '/api/v1/rectification-tasks',
    {
      schema: {
        tags,
        summary: 'A task from another source, such as a problem a drill found',
        body: CreateTaskBody,
        response: { 201: Task, ...problemResponses },
      },
    },
    async (req, reply) => {
      const id = await m.rectification.create(actorOf(req), req.body);
      return reply.code(201).send(await view(actorOf(req), id));
    },
  );

  r.get(
    '/api/v1/rectification-tasks/:id',
    {
      schema: {
        tags,
        summary: 'One task with its history and what you may do with it',
        params: Params,
        response: answer,
      },
    },
    async (req) => view(actorOf(req), req.params.id),
  );

  r.patch(
    '/api/v1/rectification-tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change the title, owner, deadline or risk',
        params: Params,
        body: UpdateTaskBody,
        response: answer,
      },
    },
    async (req) => {
      await m.rectification.update(actorOf(req), req.params.id, req.body);
      return view(actorOf(req), req.params.id);
    },
  );

  r.post(
    '/api/v1/rectification-tasks/:id/report-fixed',
    {
      schema: {
        tags,
        summary: 'The owner reports it fixed, with an after photo',
        params: Params,
        body: ReportFixedBody,
        response: answer,
      },
    },
    async (req) => {
      await m.rectification.reportFixed(actorOf(req), req.params.id, req.body);
      return view(actorOf(req), req.params.id);
    },
  );

  r.post(
    '/api/v1/rectification-tasks/:id/verify',
    {
      schema: {
        tags,
        summary:
          'Verify (复查) by someone other than the owner: accept with an after photo to close, or reject to reopen',
        params: Params,
        body: VerifyBody,
        response: answer,
      },
    },
    async (req) => {
      await m.rectification.verify(actorOf(req), req.params.id, req.body);
      return view(actorOf(req), req.params.id);
    },
  );

  r.post(
    '/api/v1/rectification-tasks/:id/supervise',
    {
      schema: {
        tags,
        summary: 'Put under supervision (挂牌督办) by a parent unit; then only that unit closes it',
        params: Params,
        body: SuperviseBody,
        response: answer,
      },
    },
    async (req) => {
      await m.rectification.supervise(actorOf(req), req.params.id, req.body);
      return view(actorOf(req), req.params.id);
    },
  );
}
