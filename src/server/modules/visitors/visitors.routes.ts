import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../common/schemas/shared.js';
import {
  CheckInBody,
  CheckOutBody,
  Visitor,
  VisitorListQuery,
  VisitorPage,
  VisitorSettings,
} from '../../../common/schemas/visitors.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { requestLocale } from '../../http/problem.js';
import { visitorsWorkbook } from './visitors.export.js';
import type { VisitorRow } from './visitors.repository.js';
import type { VisitorService } from './visitors.service.js';

const tags = ['visitors'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function presentVisitor(v: VisitorRow): z.infer<typeof Visitor> {
  return {
    id: v.id,
    unitId: v.unit_id,
    name: v.name,
    idKind: v.id_kind,
    idMasked: v.id_masked,
    purpose: v.purpose,
    hostName: v.host_name,
    vehiclePlate: v.vehicle_plate,
    checkedInAt: v.checked_in_at,
    checkedOutAt: v.checked_out_at,
    registeredBy: v.registered_by_person_id,
  };
}

export function visitorRoutes(app: FastifyInstance, visitors: VisitorService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/visitors',
    {
      schema: {
        tags,
        summary: 'The visitor log of a unit (each look is logged)',
        querystring: VisitorListQuery,
        response: { 200: VisitorPage, ...problemResponses },
      },
    },
    async (req) => {
      const { page, pageSize, inside, ...filter } = req.query;
      const found = await visitors.list(actorOf(req), { ...filter, inside: inside === 'true' }, { page, pageSize });
      return { items: found.rows.map(presentVisitor), page, pageSize, total: found.total };
    },
  );

  r.get(
    '/api/v1/visitors/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The visitor log for a date range as a spreadsheet',
        querystring: VisitorListQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const { inside, ...filter } = req.query;
      const found = await visitors.list(actorOf(req), { ...filter, inside: inside === 'true' });
      const buffer = await visitorsWorkbook(found.rows, requestLocale(req), found.timeZone);
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="visitors-${filter.from ?? 'all'}-${filter.to ?? 'now'}.xlsx"`,
        )
        .send(buffer);
    },
  );

  r.post(
    '/api/v1/visitors',
    {
      schema: {
        tags,
        summary:
          'Check a visitor in (the ID number is stored masked; a clientKey already stored answers its visit, 200)',
        body: CheckInBody,
        response: { 200: Visitor, 201: Visitor, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { visitor, replayed } = await visitors.checkInOnce(actorOf(req), req.body);
      return reply.code(replayed ? 200 : 201).send(presentVisitor(visitor));
    },
  );

  r.post(
    '/api/v1/visitors/:id/check-out',
    {
      schema: {
        tags,
        summary: 'Check a visitor out',
        params: z.object({ id: Id }),
        body: CheckOutBody,
        response: { 200: Visitor, ...problemResponses },
      },
    },
    async (req) =>
      presentVisitor(await visitors.checkOut(actorOf(req), req.params.id, req.body.checkedOutAt, req.body.clientKey)),
  );

  r.get(
    '/api/v1/units/:id/visitor-settings',
    {
      schema: {
        tags,
        summary: 'The unit’s closing time for the gate',
        params: z.object({ id: Id }),
        response: { 200: VisitorSettings, ...problemResponses },
      },
    },
    async (req) => ({
      closingTime: await visitors.closingTimeOf(actorOf(req), req.params.id),
    }),
  );

  r.put(
    '/api/v1/units/:id/visitor-settings',
    {
      schema: {
        tags,
        summary: 'Set the unit’s closing time',
        params: z.object({ id: Id }),
        body: VisitorSettings,
        response: { 200: VisitorSettings, ...problemResponses },
      },
    },
    async (req) => {
      await visitors.setClosingTime(actorOf(req), req.params.id, req.body.closingTime);
      return req.body;
    },
  );
}
