import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../lib/clock.js';
import { assessmentRoutes } from '../assessment/assessment.routes.js';
import { analyticsRoutes } from '../analytics/analytics.routes.js';
import { complianceRoutes } from '../compliance/compliance.routes.js';
import { letterRoutes } from '../letters/letters.routes.js';
import type { Supervision } from './supervision.module.js';

/** The routes of letters, assessment, compliance and analytics. */
export function supervisionRoutes(app: FastifyInstance, s: Supervision, clock: Clock): void {
  assessmentRoutes(app, s.assessment, clock);
  letterRoutes(app, s.letters, s.letterQueries);
  complianceRoutes(app, s.compliance);
  analyticsRoutes(app, s.analytics);
}
