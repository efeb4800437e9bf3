import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IssueLettersBody,
  IssueResult,
  Letter,
  LetterList,
  LetterListQuery,
  SignLetterBody,
} from '../../../common/schemas/letters.js';
import { DocumentQuery, documentLocale, Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { AccountActor } from '../auth/actor.js';
import { letterDocx } from './letter-document.js';
import type { LetterQueries } from './letter-queries.js';
import type { LetterService } from './letters.service.js';

const tags = ['letters'];
const Params = z.object({ id: Id });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Responsibility letters: issue from a template, list, read, sign for one side, download as .docx. */
export function letterRoutes(app: FastifyInstance, letters: LetterService, queries: LetterQueries): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/letters',
    {
      schema: {
        tags,
        summary: 'Issue letters from a template: to the heads of units below, or to staff of the issuing unit',
        body: IssueLettersBody,
        response: { 201: IssueResult, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send({ ids: await letters.issue(actorOf(req), req.body) }),
  );

  r.get(
    '/api/v1/letters',
    {
      schema: {
        tags,
        summary: 'Letters issued by or to your units (current versions unless all=true)',
        querystring: LetterListQuery,
        response: { 200: LetterList, ...problemResponses },
      },
    },
    async (req) => ({ items: await queries.list(actorOf(req), req.query.unitId, req.query.all === 'true') }),
  );

  r.get(
    '/api/v1/letters/:id',
    {
      schema: {
        tags,
        summary: 'One letter version, with its duties, signatures and versions',
        params: Params,
        response: { 200: Letter, ...problemResponses },
      },
    },
    async (req) => queries.get(actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/letters/:id/sign',
    {
      schema: {
        tags,
        summary: 'Sign for one side (issuer or recipient); the time is recorded and audited',
        params: Params,
        body: SignLetterBody,
        response: { 200: Letter, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await letters.sign(actor, req.params.id, req.body.side);
      return queries.get(actor, req.params.id);
    },
  );

  r.get(
    '/api/v1/letters/:id/letter.docx',
    {
      schema: {
        tags,
        summary: 'The letter as a Word document with its signature block',
        params: Params,
        querystring: DocumentQuery,
        produces: [DOCX],
      },
    },
    async (req, reply) => {
      const actor: AccountActor = actorOf(req);
      const letter = await queries.get(actor, req.params.id);
      const buffer = await letterDocx(letter, documentLocale(req.query.lang, letter.language), letter.timeZone);
      return reply
        .type(DOCX)
        .header('content-disposition', `attachment; filename="letter-${letter.id}.docx"`)
        .send(buffer);
    },
  );
}
