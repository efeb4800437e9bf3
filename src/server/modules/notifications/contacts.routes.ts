import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ContactMethod, ContactMethodsBody } from '../../../common/schemas/contacts.js';
import { PersonParams } from '../../../common/schemas/people.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { presentContact } from './contacts.presenter.js';
import type { ContactService } from './contacts.service.js';

const tags = ['people'];

/** A person's contact methods in order. Their own, or a manager of their unit, may set them. */
export function contactRoutes(app: FastifyInstance, contacts: ContactService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/people/:id/contacts',
    {
      schema: {
        tags,
        summary: 'How a person is reached, in order',
        params: PersonParams,
        response: { 200: z.array(ContactMethod), ...problemResponses },
      },
    },
    async (req) => (await contacts.list(actorOf(req), req.params.id)).map((m) => presentContact(m.position, m.input)),
  );

  r.put(
    '/api/v1/people/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Replace a person’s contact methods',
        params: PersonParams,
        body: ContactMethodsBody,
        response: { 200: z.array(ContactMethod), ...problemResponses },
      },
    },
    async (req) =>
      (await contacts.replace(actorOf(req), req.params.id, req.body)).map((m) => presentContact(m.position, m.input)),
  );
}
