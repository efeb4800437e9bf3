import type { Db } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import type { Notifier } from '../../notify/notifier.js';
import { AssessmentService } from '../assessment/assessment.service.js';
import { AnalyticsService } from '../analytics/analytics.service.js';
import { ComplianceService } from '../compliance/compliance.service.js';
import { LetterDeadlines } from '../letters/letter-deadlines.js';
import { LetterQueries } from '../letters/letter-queries.js';
import { LetterService } from '../letters/letters.service.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PlanService } from '../plans/plans.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import type { UnitService } from '../units/units.service.js';

/**
 * What a supervising unit uses to hold the units below it to account (issue 18): responsibility
 * letters, assessment sheets, compliance with the rules, and the bureau's analytics. Built here so
 * the container and the app each add one line.
 */
export interface Supervision {
  assessment: AssessmentService;
  letters: LetterService;
  letterQueries: LetterQueries;
  /** What fires at a letter's deadline and chases it after (listed by `letterDeadlines`). */
  letterDeadlines: LetterDeadlines;
  compliance: ComplianceService;
  analytics: AnalyticsService;
}

export interface SupervisionDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  units: UnitService;
  engine: DeadlineEngine;
  notifier: Notifier;
  planRules: PlanRules;
  plans: PlanService;
}

export function createSupervision(d: SupervisionDeps): Supervision {
  const letters = new LetterService(d.db, d.clock, d.audit, d.engine, d.notifier, d.planRules);
  // A plan whose duties change gives every current letter of its unit a new version to sign.
  d.plans.onPublished((tx, unitId, at) => letters.planPublished(tx, unitId, at));
  return {
    assessment: new AssessmentService(d.db, d.clock, d.audit),
    letters,
    letterQueries: new LetterQueries(d.db, letters),
    letterDeadlines: new LetterDeadlines(d.audit, d.notifier, d.engine),
    compliance: new ComplianceService(d.db, d.clock, d.planRules),
    analytics: new AnalyticsService(d.db, d.clock),
  };
}
