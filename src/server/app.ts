import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { BODY_LIMIT_BYTES } from '../common/limits.js';
import type { Container } from './container.js';
import { registerActorHook } from './http/actor.js';
import { registerControlCharacterCheck } from './http/control-characters.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { QuietRequestLog, registerRequestSummary } from './http/request-log.js';
import { registerOwnScreensNudge } from './http/own-screens.js';
import { notFoundProblem, sendProblem, toProblem } from './http/problem.js';
import { AppError } from './lib/errors.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { incidentPhotoRoutes } from './modules/incidents/incident-photos.js';
import { incidentExportRoutes } from './modules/incidents/incidents.export.routes.js';
import { incidentRoutes } from './modules/incidents/incidents.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { contactRoutes } from './modules/notifications/contacts.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { planExportRoutes } from './modules/plans/plans.export.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { visitorRoutes } from './modules/visitors/visitors.routes.js';
import { rosterRoutes } from './modules/rosters/rosters.routes.js';
import { rollCallRoutes } from './modules/roll-calls/roll-calls.routes.js';
import { caseRoutes } from './modules/cases/cases.routes.js';
import { drillRoutes } from './modules/drills/drills.routes.js';
import { dutyRoutes } from './modules/duty/duty.routes.js';
import { dutyTransferRoutes } from './modules/duty/duty.transfer.routes.js';
import { leaveRoutes } from './modules/leave/leave.routes.js';
import { inspectionRoutes } from './modules/inspections/inspections.routes.js';
import { patrolRoutes } from './modules/patrols/patrols.routes.js';
import { drillPhotoRoutes } from './modules/drills/drill-photos.js';
import { photoRoutes } from './modules/photos/photos.routes.js';
import { dailyReportRoutes } from './modules/daily-reports/daily-reports.routes.js';
import { directiveRoutes } from './modules/directives/directives.routes.js';
// ── Reaching people (issue #11) ──
import { acknowledgementRoutes } from './modules/acknowledgements/acknowledgements.routes.js';
import { channelRoutes } from './modules/channels/channels.routes.js';
import { requireTopAdmin } from './modules/channels/channels.policy.js';
import { deliveryHealth } from './notify/delivery-health.js';
// issue 18: letters, assessment, compliance, analytics
import { supervisionRoutes } from './modules/supervision/supervision.routes.js';
import { incidentReportExportRoutes } from './modules/incident-reports/incident-reports.export.routes.js';
import { incidentReportRoutes } from './modules/incident-reports/incident-reports.routes.js';
import { todoRoutes } from './modules/todo/todo.routes.js';

export interface AppOptions {
  logger?: boolean;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: { write(line: string): void };
}

/** Builds the HTTP app: plugins, the actor hook, every module's routes, the web app, errors. */
export async function buildApp(c: Container, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: c.config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    // #15 lean pipeline, #13: each request's lines at debug only; info gets one summary a minute; failures always.
    logController: new QuietRequestLog(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: c.config.trustProxy,
    // A malformed URL or an over-long path parameter is answered as problem+json like any error.
    frameworkErrors: (error, request, reply) => sendProblem(reply, toProblem(error, request)),
  });
  app.decorate('writeRequestSummary', registerRequestSummary(app));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });

  await registerSecurityHeaders(app, { https: c.config.secureCookies });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new AppError(429, 'rate-limited', 'problem.rateLimited', { seconds: Math.ceil(context.ttl / 1000) }),
  });
  await registerOpenApi(app);
  registerActorHook(app, c.auth);
  registerOwnScreensNudge(app, c.bus);
  registerControlCharacterCheck(app);
  // Answers carry personal data: no browser or proxy may keep a copy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  healthRoutes(app, c);
  setupRoutes(app, c.setup, c.auth, c.config);
  authRoutes(app, c.auth, c.config);
  unitRoutes(app, c.units);
  peopleRoutes(app, c.people);
  contactRoutes(app, c.contacts);
  planRoutes(app, c.plans, c.planRules, c.units, c.clock);
  planExportRoutes(app, c.plans);
  incidentRoutes(app, c.incidents);
  incidentExportRoutes(app, c.incidents);
  await photoRoutes(app, c.photos, incidentPhotoRoutes);
  visitorRoutes(app, c.visitors);
  rosterRoutes(app, c.rosters);
  rollCallRoutes(app, c.rollCalls);
  caseRoutes(app, c.cases);
  drillRoutes(app, c.drills);
  dutyRoutes(app, { duty: c.duty, ...c.dutyRosters });
  await dutyTransferRoutes(app, c.dutyRosters.transfer, c.dutyRosters.feeds, c.config.publicUrl);
  leaveRoutes(app, c.leave);
  await inspectionRoutes(app, c.inspections);
  await photoRoutes(app, c.photos, drillPhotoRoutes);
  await patrolRoutes(app, c.patrols, c.patrolCheckIns, c.config.publicUrl);
  dailyReportRoutes(app, c.dailyReports.service, c.dailyReports.board, c.dailyReports.scheduler);
  await directiveRoutes(app, c.directives.service, c.directives.queries);
  notificationRoutes(app, c.notifications, c.live);
  app.addHook('onClose', async () => c.live.closeAll());
  // ── Reaching people (issue #11) ──
  acknowledgementRoutes(app, c.acknowledgements);
  await channelRoutes(
    app,
    c.channelSettings,
    async (actor) => {
      requireTopAdmin(actor);
      const since = new Date(c.clock.now().getTime() - 24 * 60 * 60_000);
      return {
        since: since.toISOString(),
        channels: await deliveryHealth(c.db, since),
        secretKeyConfigured: c.config.secretKey !== undefined,
      };
    },
    { failover: c.failover, acks: c.acknowledgements, now: () => c.clock.now() },
  );
  supervisionRoutes(app, c.supervision, c.clock);
  incidentReportRoutes(app, c.incidentReports);
  incidentReportExportRoutes(app, c.incidentReports);
  todoRoutes(app, c.todo);

  await serveWebApp(app, c.config.webDir);
  return app;
}

/** The built front end, with every non-API path falling back to index.html for the router. */
async function serveWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt front end is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && hasWeb;
    if (isPage) return reply.sendFile('index.html');
    return sendProblem(reply, notFoundProblem(request));
  });
}
