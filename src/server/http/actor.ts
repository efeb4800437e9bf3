import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthenticated, AppError } from '../lib/errors.js';
import type { AccountActor } from '../modules/auth/actor.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import { requestLocale } from './problem.js';

export const SESSION_COOKIE = 'steady_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in (login, setup, health). */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: AccountActor | null;
    /** The session id (hash) when signed in by cookie; null for API tokens. */
    sessionId: string | null;
    csrfToken: string;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves who is calling before anything else runs: an API token (Authorization: Bearer) or the
 * session cookie. Cookie-borne changes must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerActorHook(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', '');
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.url.startsWith('/api/v1/docs') || request.routeOptions.config?.public) return;
    // No route matched (an unknown path, or a parameter longer than any route takes): 404 for
    // everyone, so that a long public link is "not found" rather than "sign in".
    if (request.is404) return;
    const locale = requestLocale(request);
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      request.actor = await auth.fromApiToken(bearer.trim(), locale);
      if (!request.actor) throw unauthenticated();
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    const found = secret ? await auth.fromSession(secret, locale) : null;
    if (!found) throw unauthenticated();
    if (UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, found.session.csrf_token)) throw new AppError(403, 'csrf', 'problem.csrf');
    }
    request.actor = found.actor;
    request.sessionId = found.session.id;
    request.csrfToken = found.session.csrf_token;
  });
}

/** The signed-in actor of a route that is not public. */
export function actorOf(request: FastifyRequest): AccountActor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
