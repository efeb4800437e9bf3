import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  AnswerBody,
  CreateSheetBody,
  HandScoreBody,
  Ranking,
  RecordsBehind,
  Sheet,
  SheetList,
  UnitSheet,
  UpdateItemsBody,
} from '../../../common/schemas/assessment.js';
import { Id } from '../../../common/schemas/shared.js';
import type { Clock } from '../../lib/clock.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { rankingWorkbook, unitSheetDocx } from './assessment.export.js';
import type { AssessmentService } from './assessment.service.js';

const tags = ['assessment'];
const Params = z.object({ id: Id });
const UnitParams = z.object({ id: Id, unitId: Id });
const ItemParams = z.object({ id: Id, unitId: Id, itemId: Id });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const base = '/api/v1/assessment/sheets';

/** Scoring sheets: define, change weights, rank, a unit's own sheet, records behind a figure, hand scores, answers. */
export function assessmentRoutes(app: FastifyInstance, assessment: AssessmentService, clock: Clock): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Define a scoring sheet for a period; its weights add up to 100',
        body: CreateSheetBody,
        response: { 201: Sheet, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await assessment.get(actor, await assessment.create(actor, req.body)));
    },
  );

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Sheets of your units and of the units above them',
        response: { 200: SheetList, ...problemResponses },
      },
    },
    async (req) => ({ items: await assessment.list(actorOf(req)) }),
  );

  r.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One sheet with its items, weights and formulas',
        params: Params,
        response: { 200: Sheet, ...problemResponses },
      },
    },
    async (req) => assessment.get(actorOf(req), req.params.id),
  );

  r.put(
    `${base}/:id/items`,
    {
      schema: {
        tags,
        summary: 'Replace the items and weights (scores recompute at once)',
        params: Params,
        body: UpdateItemsBody,
        response: { 200: Sheet, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assessment.updateItems(actor, req.params.id, req.body);
      return assessment.get(actor, req.params.id);
    },
  );

  r.get(
    `${base}/:id/ranking`,
    {
      schema: {
        tags,
        summary: 'Every unit below the supervising unit, scored and ranked',
        params: Params,
        response: { 200: Ranking, ...problemResponses },
      },
    },
    async (req) => assessment.ranking(actorOf(req), req.params.id),
  );

  r.get(
    `${base}/:id/ranking.xlsx`,
    { schema: { tags, summary: 'The ranking as a spreadsheet', params: Params, produces: [XLSX] } },
    async (req, reply) => {
      const actor = actorOf(req);
      const buffer = await rankingWorkbook(await assessment.ranking(actor, req.params.id), actor.locale);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="assessment-${req.params.id}.xlsx"`)
        .send(buffer);
    },
  );

  r.get(
    `${base}/:id/units/:unitId`,
    {
      schema: {
        tags,
        summary: 'One unit’s sheet: every item’s figure, evidence and answer',
        params: UnitParams,
        response: { 200: UnitSheet, ...problemResponses },
      },
    },
    async (req) => assessment.unitSheet(actorOf(req), req.params.id, req.params.unitId),
  );

  r.get(
    `${base}/:id/units/:unitId/sheet.docx`,
    { schema: { tags, summary: 'One unit’s sheet as a Word document', params: UnitParams, produces: [DOCX] } },
    async (req, reply) => {
      const actor = actorOf(req);
      const view = await assessment.unitSheet(actor, req.params.id, req.params.unitId);
      const unitName = view.score.unitName;
      const date = DateTime.fromJSDate(clock.now(), { zone: view.sheet.timeZone })
        .setLocale(actor.locale === 'en' ? 'en-GB' : 'zh-CN')
        .toLocaleString(DateTime.DATE_FULL);
      const buffer = await unitSheetDocx(view, unitName, actor.locale, date);
      return reply
        .type(DOCX)
        .header('content-disposition', `attachment; filename="assessment-${req.params.unitId}.docx"`)
        .send(buffer);
    },
  );

  r.get(
    `${base}/:id/units/:unitId/items/:itemId/records`,
    {
      schema: {
        tags,
        summary: 'The records behind one figure, each marked met or not',
        params: ItemParams,
        response: { 200: RecordsBehind, ...problemResponses },
      },
    },
    async (req) => assessment.records(actorOf(req), req.params.id, req.params.unitId, req.params.itemId),
  );

  r.put(
    `${base}/:id/units/:unitId/items/:itemId/score`,
    {
      schema: {
        tags,
        summary: 'Score a manual item by hand, with its evidence',
        params: ItemParams,
        body: HandScoreBody,
        response: { 200: UnitSheet, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assessment.score(actor, req.params.id, req.params.unitId, req.params.itemId, req.body);
      return assessment.unitSheet(actor, req.params.id, req.params.unitId);
    },
  );

  r.put(
    `${base}/:id/units/:unitId/items/:itemId/answer`,
    {
      schema: {
        tags,
        summary: 'The unit answers an item of its own sheet',
        params: ItemParams,
        body: AnswerBody,
        response: { 200: UnitSheet, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assessment.answer(actor, req.params.id, req.params.unitId, req.params.itemId, req.body.text);
      return assessment.unitSheet(actor, req.params.id, req.params.unitId);
    },
  );
}
