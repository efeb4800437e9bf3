import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AckParams, AckView } from '../../../common/schemas/acknowledgements.js';
import { problemResponses } from '../../http/openapi.js';
import type { AcknowledgementService } from './acknowledgements.service.js';

const tags = ['acknowledgements'];
/** A token guessed at this rate would take longer than the universe: the limit only keeps scanners cheap. */
const rateLimit = { max: 30, timeWindow: 60_000 };

/**
 * The one-tap acknowledge link, without signing in. Opening the page (GET) changes nothing, so a
 * link previewer or a mail scanner cannot acknowledge for the person; the button on the page POSTs.
 */
export function acknowledgementRoutes(app: FastifyInstance, acks: AcknowledgementService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/public/ack/:token',
    {
      schema: {
        tags,
        summary: 'What an acknowledge link is for, and whether it is acknowledged',
        params: AckParams,
        response: { 200: AckView, ...problemResponses },
      },
      config: { public: true, rateLimit },
    },
    async (req) => acks.view(req.params.token),
  );

  r.post(
    '/api/v1/public/ack/:token',
    {
      schema: {
        tags,
        summary: 'Acknowledge with the link (once; 409 when already acknowledged)',
        params: AckParams,
        response: { 200: AckView, ...problemResponses },
      },
      config: { public: true, rateLimit },
    },
    async (req) => acks.acknowledgeByLink(req.params.token),
  );
}
