import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  LoginBody,
  Me,
} from '../../../common/schemas/auth.js';
import { Id } from '../../../common/schemas/shared.js';
import type { Config } from '../../config.js';
import type { ApiTokenRow } from './auth.table.js';
import { problemResponses } from '../../http/openapi.js';
import { actorOf, SESSION_COOKIE } from '../../http/actor.js';
import { requestLocale } from '../../http/problem.js';
import type { AuthService, SignedIn } from './auth.service.js';

const tags = ['auth'];

const presentToken = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
  access: t.access === 'read' ? ('read' as const) : ('write' as const),
  modules: t.modules_json ? (JSON.parse(t.modules_json) as string[]) : null,
  expiresAt: t.expires_at ?? t.created_at,
});

/** Sets the session cookie and answers with who signed in. */
export async function signedInReply(reply: FastifyReply, auth: AuthService, config: Config, signedIn: SignedIn) {
  reply.setCookie(SESSION_COOKIE, signedIn.sessionSecret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.sessionHours * 3600,
  });
  return auth.me(signedIn.actor, signedIn.session.csrf_token);
}

export function authRoutes(app: FastifyInstance, auth: AuthService, config: Config): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with username and password',
        body: LoginBody,
        response: { 200: Me, ...problemResponses },
      },
      // Limited by failures, per username and address and per address, in the database (sign-in-limits.ts).
      config: { public: true },
    },
    async (req, reply) => {
      const signedIn = await auth.login(req.body.username, req.body.password, requestLocale(req), req.ip);
      return signedInReply(reply, auth, config, signedIn);
    },
  );

  // Not public: like every change made with the cookie it must carry the session's CSRF token, so
  // another site cannot sign a person out behind their back.
  r.post(
    '/api/v1/auth/logout',
    {
      schema: { tags, summary: 'Sign out (send x-csrf-token)', response: { 204: z.undefined(), ...problemResponses } },
    },
    async (req, reply) => {
      actorOf(req);
      if (req.sessionId) await auth.endSession(req.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/auth/me',
    { schema: { tags, summary: 'Who is signed in', response: { 200: Me, ...problemResponses } } },
    async (req) => auth.me(actorOf(req), req.csrfToken),
  );

  r.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password (not with an API token)',
        body: ChangePasswordBody,
        response: { 204: z.undefined(), ...problemResponses },
      },
      config: { sessionOnly: true },
    },
    async (req, reply) => {
      await auth.changePassword(actorOf(req), req.body.currentPassword, req.body.newPassword, req.sessionId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/auth/tokens',
    { schema: { tags, summary: 'Your API tokens', response: { 200: z.array(ApiToken), ...problemResponses } } },
    async (req) => (await auth.listTokens(actorOf(req))).map(presentToken),
  );

  r.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        summary:
          'Create an API token for an integration: read-only or read-write, ' +
          'all modules or those named, with an expiry (not with an API token)',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken, ...problemResponses },
      },
      config: { sessionOnly: true },
    },
    async (req, reply) => {
      const created = await auth.createToken(actorOf(req), req.body, app.apiModules);
      return reply.code(201).send({ ...presentToken(created), token: created.token });
    },
  );

  r.delete(
    '/api/v1/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token (not with an API token)',
        params: z.object({ id: Id }),
        response: { 204: z.undefined(), ...problemResponses },
      },
      config: { sessionOnly: true },
    },
    async (req, reply) => {
      await auth.revokeToken(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
