import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateUnitBody,
  MoveUnitBody,
  Unit,
  UnitListQuery,
  UnitPage,
  UnitParams,
  UnitToday,
  UpdateUnitBody,
} from '../../../common/schemas/units.js';
import { problemResponses } from '../../http/openapi.js';
import { actorOf } from '../../http/actor.js';
import { presentUnit } from './units.presenter.js';
import type { UnitService } from './units.service.js';

const tags = ['units'];

export function unitRoutes(app: FastifyInstance, units: UnitService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: 'Units you may see',
        querystring: UnitListQuery,
        response: { 200: UnitPage, ...problemResponses },
      },
    },
    async (req) => {
      const { roots, ...rest } = req.query;
      const page = await units.list(actorOf(req), { ...rest, roots: roots === 'true' });
      return { ...page, items: page.items.map(presentUnit) };
    },
  );

  r.get(
    '/api/v1/units/:id',
    { schema: { tags, summary: 'One unit', params: UnitParams, response: { 200: Unit, ...problemResponses } } },
    async (req) => presentUnit(await units.get(actorOf(req), req.params.id)),
  );

  r.get(
    '/api/v1/units/:id/today',
    {
      schema: {
        tags,
        summary: 'The unit’s date today, in its own time zone',
        params: UnitParams,
        response: { 200: UnitToday, ...problemResponses },
      },
    },
    async (req) => units.today(actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: 'Create a unit under one you manage',
        body: CreateUnitBody,
        response: { 201: Unit, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(presentUnit(await units.create(actorOf(req), req.body))),
  );

  r.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename or re-configure a unit',
        params: UnitParams,
        body: UpdateUnitBody,
        response: { 200: Unit, ...problemResponses },
      },
    },
    async (req) => presentUnit(await units.update(actorOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/v1/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a unit and its subtree under another unit',
        params: UnitParams,
        body: MoveUnitBody,
        response: { 200: Unit, ...problemResponses },
      },
    },
    async (req) => presentUnit(await units.move(actorOf(req), req.params.id, req.body.parentId)),
  );
}
