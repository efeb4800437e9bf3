import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccountInput,
  CreatePersonBody,
  GrantRoleBody,
  MyLanguageBody,
  Person,
  RemoveRoleQuery,
  PersonListQuery,
  PersonPage,
  PersonParams,
  ResetPasswordBody,
  RoleParams,
  UpdatePersonBody,
} from '../../../common/schemas/people.js';
import { problemResponses } from '../../http/openapi.js';
import { actorOf } from '../../http/actor.js';
import { presentPerson } from './people.presenter.js';
import type { PeopleService } from './people.service.js';

const tags = ['people'];

export function peopleRoutes(app: FastifyInstance, people: PeopleService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: 'People in your units',
        querystring: PersonListQuery,
        response: { 200: PersonPage, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { subtree, ...rest } = req.query;
      const page = await people.list(actor, { ...rest, subtree: subtree === 'true' });
      return { ...page, items: page.items.map((p) => presentPerson(actor, p)) };
    },
  );

  r.get(
    '/api/v1/people/:id',
    { schema: { tags, summary: 'One person', params: PersonParams, response: { 200: Person, ...problemResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return presentPerson(actor, await people.get(actor, req.params.id));
    },
  );

  r.post(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: 'Register a person, with roles and optionally an account',
        body: CreatePersonBody,
        response: { 201: Person, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(presentPerson(actor, await people.create(actor, req.body)));
    },
  );

  r.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: 'Change a person’s name or contacts',
        params: PersonParams,
        body: UpdatePersonBody,
        response: { 200: Person, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentPerson(actor, await people.update(actor, req.params.id, req.body));
    },
  );

  r.put(
    '/api/v1/me/language',
    {
      schema: {
        tags,
        summary: 'Choose the language you are written to in (notifications, e-mail, SMS, robots); null for your unit’s',
        body: MyLanguageBody,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await people.setOwnLanguage(actorOf(req), req.body.language);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/people/:id/roles',
    {
      schema: {
        tags,
        summary: 'Give a person a role in a unit (the grant rule in docs/security.md decides who may)',
        params: PersonParams,
        body: GrantRoleBody,
        response: { 200: Person, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentPerson(
        actor,
        await people.addRole(actor, req.params.id, req.body.unitId, req.body.role, req.body.reason || null),
      );
    },
  );

  r.delete(
    '/api/v1/people/:id/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Take a role away (same rule; the last accountable head stays)',
        params: RoleParams,
        querystring: RemoveRoleQuery,
        response: { 200: Person, ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentPerson(
        actor,
        await people.removeRole(actor, req.params.id, req.params.roleId, req.query.reason || null),
      );
    },
  );

  r.post(
    '/api/v1/people/:id/account',
    {
      schema: {
        tags,
        summary: 'Give a person an account (administrators; not with an API token)',
        params: PersonParams,
        body: AccountInput,
        response: { 200: Person, ...problemResponses },
      },
      config: { sessionOnly: true },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentPerson(
        actor,
        await people.createAccount(actor, req.params.id, req.body.username, req.body.password),
      );
    },
  );

  r.post(
    '/api/v1/people/:id/password',
    {
      schema: {
        tags,
        summary: 'Reset a person’s password (administrators; not with an API token)',
        params: PersonParams,
        body: ResetPasswordBody,
        response: { 204: z.undefined(), ...problemResponses },
      },
      config: { sessionOnly: true },
    },
    async (req, reply) => {
      await people.resetPassword(actorOf(req), req.params.id, req.body.password, req.body.mustChange);
      return reply.code(204).send();
    },
  );
}
