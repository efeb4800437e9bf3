import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Directive,
  InboxPage,
  InboxQuery,
  RemindBody,
  RemindResult,
  ReplyBody,
  SendDirectiveBody,
  SentPage,
  SentQuery,
  SignBody,
} from '../../../common/schemas/directives.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { DirectiveQueries } from './directive-queries.js';
import { ensureMultipart, readDirectiveForm, UPLOAD_BODY_LIMIT } from './directive-upload.js';
import type { DirectiveService } from './directives.service.js';

const tags = ['directives'];
const Params = z.object({ id: Id });

/**
 * Directives: send (JSON, or multipart with attachments), the inbox of the units you belong to,
 * what your units sent, one directive, signing for it, replying, and reminding.
 */
export async function directiveRoutes(
  app: FastifyInstance,
  directives: DirectiveService,
  queries: DirectiveQueries,
): Promise<void> {
  await ensureMultipart(app);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/directives',
    {
      schema: {
        tags,
        summary: 'Send a notice or directive to units below the sending unit (no attachments)',
        body: SendDirectiveBody,
        response: { 201: Directive, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await directives.send(actor, req.body);
      return reply.code(201).send(await queries.get(actor, id));
    },
  );

  r.post(
    '/api/v1/directives/with-attachments',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        response: { 201: Directive, ...problemResponses },
        summary:
          'Send with attachments: multipart/form-data with the field "directive" (the same ' +
          'JSON as POST /api/v1/directives) and files "attachments" (at most 5, 20 MB each)',
      },
      bodyLimit: UPLOAD_BODY_LIMIT,
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { body, staged } = await readDirectiveForm(req, directives.files);
      const id = await directives.send(actor, body, staged);
      return reply.code(201).send(await queries.get(actor, id));
    },
  );

  r.get(
    '/api/v1/directives/inbox',
    {
      schema: {
        tags,
        summary: 'Directives sent to one of your units (or to all the units you hold a role in)',
        querystring: InboxQuery,
        response: { 200: InboxPage, ...problemResponses },
      },
    },
    async (req) => queries.inbox(actorOf(req), req.query),
  );

  r.get(
    '/api/v1/directives/sent',
    {
      schema: {
        tags,
        summary: 'Directives sent from your units, with how many have signed and replied',
        querystring: SentQuery,
        response: { 200: SentPage, ...problemResponses },
      },
    },
    async (req) => queries.sent(actorOf(req), req.query),
  );

  r.get(
    '/api/v1/directives/:id',
    {
      schema: {
        tags,
        summary: 'One directive: the sender sees every unit’s sign-off and reply, a unit sees its own',
        params: Params,
        response: { 200: Directive, ...problemResponses },
      },
    },
    async (req) => queries.get(actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/directives/:id/sign',
    {
      schema: {
        tags,
        summary:
          'Sign for it on behalf of a target unit you hold a role in (签收); after the deadline it is recorded as late',
        params: Params,
        body: SignBody,
        response: { 200: Directive, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await directives.sign(actor, req.params.id, req.body.unitId);
      return queries.get(actor, req.params.id);
    },
  );

  r.post(
    '/api/v1/directives/:id/reply',
    {
      schema: {
        tags,
        summary: 'Reply for a target unit, once it has signed',
        params: Params,
        body: ReplyBody,
        response: { 200: Directive, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await directives.reply(actor, req.params.id, req.body.unitId, req.body.text);
      return queries.get(actor, req.params.id);
    },
  );

  r.post(
    '/api/v1/directives/:id/remind',
    {
      schema: {
        tags,
        summary: 'Remind the units that have not signed (or not replied, when a reply is asked for)',
        params: Params,
        body: RemindBody,
        response: { 200: RemindResult, ...problemResponses },
      },
    },
    async (req) => ({ reminded: await directives.remind(actorOf(req), req.params.id, req.body.unitIds) }),
  );

  r.get(
    '/api/v1/directives/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment',
        params: z.object({ id: Id, attachmentId: Id }),
        produces: ['application/octet-stream'],
      },
    },
    async (req, reply) => {
      const file = await queries.attachment(actorOf(req), req.params.id, req.params.attachmentId);
      return reply
        .type(file.mime)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(createReadStream(file.path));
    },
  );
}
