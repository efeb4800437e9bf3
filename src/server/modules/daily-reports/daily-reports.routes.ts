import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DailyReport,
  DayDetail,
  DayParams,
  ExportQuery,
  ItemsReportBody,
  Matrix,
  MatrixQuery,
  StatusQuery,
  TodayStatus,
  TodayView,
  Trend,
  TrendQuery,
  UnitQuery,
  ZeroReportBody,
} from '../../../common/schemas/daily-reports.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { requestLocale } from '../../http/problem.js';
import type { DailyReportBoard } from './daily-report-board.js';
import type { DailyReportScheduler } from './daily-report-scheduler.js';
import { matrixWorkbook } from './daily-reports.export.js';
import type { DailyReportService } from './daily-reports.service.js';

const tags = ['daily-reports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Daily reports: a unit sends today's report (zero report or items); supervisors read the matrix,
 * today's status and the weekly trend of their subtree. Days are each unit's own local dates.
 */
export function dailyReportRoutes(
  app: FastifyInstance,
  reports: DailyReportService,
  board: DailyReportBoard,
  scheduler: DailyReportScheduler,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The planner is a standing deadline; it is put in place once the schema is migrated.
  app.addHook('onReady', () => scheduler.ensurePlanner());

  r.post(
    '/api/v1/daily-reports/zero',
    {
      schema: {
        tags,
        summary: 'Send today’s zero report (nothing to report) for a unit you hold a role in',
        body: ZeroReportBody,
        response: { 201: DailyReport, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await reports.submitZero(actorOf(req), req.body.unitId)),
  );

  r.post(
    '/api/v1/daily-reports',
    {
      schema: {
        tags,
        summary: 'Send today’s report with items (safety, incidents, problems, requests)',
        body: ItemsReportBody,
        response: { 201: DailyReport, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await reports.submitItems(actorOf(req), req.body.unitId, req.body.items)),
  );

  r.get(
    '/api/v1/daily-reports/today',
    {
      schema: {
        tags,
        summary: 'A unit’s today: whether a report is required, by when, and what was sent',
        querystring: UnitQuery,
        response: { 200: TodayView, ...problemResponses },
      },
    },
    async (req) => reports.today(actorOf(req), req.query.unitId),
  );

  r.get(
    '/api/v1/daily-reports/units/:unitId/days/:day',
    {
      schema: {
        tags,
        summary: 'One unit-day of the matrix: its status and the report, if any',
        params: DayParams,
        response: { 200: DayDetail, ...problemResponses },
      },
    },
    async (req) => reports.day(actorOf(req), req.params.unitId, req.params.day),
  );

  r.get(
    '/api/v1/daily-reports/matrix',
    {
      schema: {
        tags,
        summary: 'Units × days of your subtree (a page of units; totals over all of them)',
        querystring: MatrixQuery,
        response: { 200: Matrix, ...problemResponses },
      },
    },
    async (req) => {
      const { page, pageSize, ...rest } = req.query;
      const { timeZone: _zone, ...matrix } = await board.matrix(actorOf(req), { ...rest, page: { page, pageSize } });
      return matrix;
    },
  );

  r.get(
    '/api/v1/daily-reports/status',
    {
      schema: {
        tags,
        summary: 'Today’s status of your subtree: counts, and the units late, missing or pending',
        querystring: StatusQuery,
        response: { 200: TodayStatus, ...problemResponses },
      },
    },
    async (req) => board.today(actorOf(req), req.query.unitId),
  );

  r.get(
    '/api/v1/daily-reports/trend',
    {
      schema: {
        tags,
        summary: 'Counts per ISO week and status over the last weeks',
        querystring: TrendQuery,
        response: { 200: Trend, ...problemResponses },
      },
    },
    async (req) => board.trend(actorOf(req), req.query.unitId, req.query.weeks),
  );

  r.get(
    '/api/v1/daily-reports/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The matrix for every unit of your subtree as a spreadsheet',
        querystring: ExportQuery,
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const matrix = await board.matrix(actorOf(req), req.query);
      const buffer = await matrixWorkbook(matrix, requestLocale(req));
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="daily-reports-${matrix.from}-${matrix.to}.xlsx"`)
        .send(buffer);
    },
  );
}
