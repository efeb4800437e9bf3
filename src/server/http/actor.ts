import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthenticated, AppError } from '../lib/errors.js';
import type { AccountActor } from '../modules/auth/actor.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import { requestLocale } from './problem.js';

export const SESSION_COOKIE = 'steady_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/*
 * How a route declares who may call it (docs/security.md, "Declaring a route"):
 * - nothing: a signed-in person (session cookie + x-csrf-token on changes) or an API token whose
 *   scope covers the route's method and its OpenAPI tag;
 * - `config: { public: true }`: no sign-in at all, and so no session and no CSRF token either —
 *   for sign-in itself, health checks, and routes that prove the caller by their own means (a
 *   secret token in the address, a vendor's signature). Such a route must not read the session
 *   cookie; the access walk (test/security/access-walk.test.ts) lists every one with its reason;
 * - `config: { sessionOnly: true }`: a signed-in person only, never an API token (making tokens,
 *   changing or setting passwords).
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in; the route proves the caller itself, if it needs to. */
    public?: boolean;
    /** Only a person signed in with the session cookie, never an API token. */
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    actor: AccountActor | null;
    /** The session id (hash) when signed in by cookie; null for API tokens. */
    sessionId: string | null;
    csrfToken: string;
  }
  interface FastifyInstance {
    /** The API's modules (its OpenAPI tags), which an API token's scope may name. */
    apiModules: Set<string>;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const outOfScope = () => new AppError(403, 'token-scope', 'token.outOfScope');

/** Whether an API token's scope covers this route: its method (read or write) and its module. */
function requireTokenCovers(actor: AccountActor, request: FastifyRequest): void {
  const scope = actor.token;
  if (!scope) return;
  if (request.routeOptions.config?.sessionOnly) throw new AppError(403, 'token-scope', 'token.sessionOnly');
  if (scope.access === 'read' && UNSAFE.has(request.method)) throw outOfScope();
  const tags = (request.routeOptions.schema as { tags?: string[] } | undefined)?.tags ?? [];
  if (scope.modules && !tags.some((tag) => scope.modules!.includes(tag))) throw outOfScope();
}

/**
 * Resolves who is calling before anything else runs: an API token (Authorization: Bearer) or the
 * session cookie. Cookie-borne changes must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerActorHook(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', '');
  app.decorate('apiModules', new Set<string>());
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const schema = route.schema as { tags?: string[]; security?: unknown[] } | undefined;
    for (const tag of schema?.tags ?? []) app.apiModules.add(tag);
    // The OpenAPI document says which operations need no sign-in; the access walk reads it there.
    if (route.config?.public && schema) schema.security = [];
  });
  app.addHook('onRequest', async (request) => {
    if (
      !request.url.startsWith('/api/v1/') ||
      request.url.startsWith('/api/v1/docs') ||
      request.routeOptions.config?.public
    )
      return;
    // No route matched (an unknown path, or a parameter longer than any route takes): 404 for
    // everyone, so that a long public link is "not found" rather than "sign in".
    if (request.is404) return;
    const locale = requestLocale(request);
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      request.actor = await auth.fromApiToken(bearer.trim(), locale);
      if (!request.actor) throw unauthenticated();
      requireTokenCovers(request.actor, request);
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    const found = secret ? await auth.fromSession(secret, locale) : null;
    if (!found) throw unauthenticated();
    if (UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, found.session.csrf_token))
        throw new AppError(403, 'csrf', 'problem.csrf');
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
