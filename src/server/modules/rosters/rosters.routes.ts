import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClassBody,
  ClassRoster,
  ClassUpdate,
  Pupil,
  PupilBody,
  RosterImportResult,
  SchoolClass,
} from '../../../common/schemas/rosters.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { wholeFile } from '../../http/photo-upload.js';
import { requestLocale } from '../../http/problem.js';
import { invalid } from '../../lib/errors.js';
import { presentClass, presentPupil } from './rosters.presenter.js';
import type { RosterService } from './rosters.service.js';

const tags = ['rosters'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROSTER_FILE_MAX_BYTES = 5 * 1024 * 1024;
const ById = z.object({ id: Id });

export function rosterRoutes(app: FastifyInstance, rosters: RosterService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/rosters/classes',
    {
      schema: {
        tags,
        summary: 'The classes of a school one may open (all for its head and safety officer, a teacher’s own)',
        querystring: z.object({ unitId: Id }),
        response: { 200: z.array(SchoolClass), ...problemResponses },
      },
    },
    async (req) => (await rosters.classes(actorOf(req), req.query.unitId)).map(presentClass),
  );

  r.post(
    '/api/v1/rosters/classes',
    {
      schema: { tags, summary: 'Add a class', body: ClassBody, response: { 201: SchoolClass, ...problemResponses } },
    },
    async (req, reply) =>
      reply.code(201).send(presentClass({ ...(await rosters.createClass(actorOf(req), req.body)), pupils: 0 })),
  );

  r.get(
    '/api/v1/rosters/classes/:id',
    {
      schema: {
        tags,
        summary: 'A class with its pupils and their adults (the look is logged)',
        params: ById,
        response: { 200: ClassRoster, ...problemResponses },
      },
    },
    async (req) => {
      const { cls, pupils } = await rosters.roster(actorOf(req), req.params.id);
      return { ...presentClass(cls), roster: pupils.map(presentPupil) };
    },
  );

  r.patch(
    '/api/v1/rosters/classes/:id',
    {
      schema: {
        tags,
        summary: 'Rename a class or change its teacher',
        params: ById,
        body: ClassUpdate,
        response: { 200: SchoolClass.omit({ pupils: true, teacherName: true }), ...problemResponses },
      },
    },
    async (req) => {
      const row = await rosters.updateClass(actorOf(req), req.params.id, req.body);
      return { id: row.id, unitId: row.unit_id, name: row.name, teacherPersonId: row.teacher_person_id };
    },
  );

  r.delete(
    '/api/v1/rosters/classes/:id',
    {
      schema: {
        tags,
        summary: 'Remove an empty class',
        params: ById,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await rosters.deleteClass(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/rosters/pupils',
    {
      schema: {
        tags,
        summary: 'Add a pupil to a class',
        body: PupilBody,
        response: { 201: Pupil, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(presentPupil(await rosters.addPupil(actorOf(req), req.body))),
  );

  r.put(
    '/api/v1/rosters/pupils/:id',
    {
      schema: {
        tags,
        summary: 'Correct a pupil: name, class, and the adults (replaced as sent)',
        params: ById,
        body: PupilBody,
        response: { 200: Pupil, ...problemResponses },
      },
    },
    async (req) => presentPupil(await rosters.updatePupil(actorOf(req), req.params.id, req.body)),
  );

  r.delete(
    '/api/v1/rosters/pupils/:id',
    {
      schema: {
        tags,
        summary: 'A pupil has left the school: the pupil and every adult listed are purged',
        params: ById,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await rosters.purgePupil(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/rosters/export.xlsx',
    {
      schema: {
        tags,
        summary: 'A school’s roster, or one class’s, as the spreadsheet the import reads (the look is logged)',
        querystring: z.object({ unitId: Id, classId: Id.optional() }),
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const { unitId, classId } = req.query;
      const buffer = await rosters.exportXlsx(actorOf(req), unitId, classId, requestLocale(req));
      return reply.type(XLSX).header('content-disposition', 'attachment; filename="class-roster.xlsx"').send(buffer);
    },
  );

  r.post(
    '/api/v1/rosters/import.xlsx',
    {
      schema: {
        tags,
        summary: 'Import a school’s roster (multipart, field "file"): all or nothing; problems name row and column',
        querystring: z.object({ unitId: Id }),
        consumes: ['multipart/form-data'],
        response: { 200: RosterImportResult, ...problemResponses },
      },
      bodyLimit: ROSTER_FILE_MAX_BYTES + 64 * 1024,
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid('rosterFile', 'roster.import.fileMissing');
      const file = await req.file({ limits: { fileSize: ROSTER_FILE_MAX_BYTES } });
      if (!file) throw invalid('rosterFile', 'roster.import.fileMissing');
      const buffer = await wholeFile(file);
      if (!buffer)
        throw invalid('rosterFile', 'roster.import.fileTooLarge', { max: ROSTER_FILE_MAX_BYTES / 1024 / 1024 });
      return rosters.importXlsx(actor, req.query.unitId, buffer);
    },
  );
}
