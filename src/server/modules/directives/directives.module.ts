import type { Db, DialectName } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import type { Notifier } from '../../notify/notifier.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { UnitService } from '../units/units.service.js';
import { DirectiveDeadlines } from './directive-deadlines.js';
import { DirectiveFiles } from './directive-files.js';
import { DirectiveNotices } from './directive-notices.js';
import { DirectiveQueries } from './directive-queries.js';
import { DirectiveService } from './directives.service.js';

/** The directives module's parts: commands, reads, and the engine's sign-for and reply deadlines. */
export interface Directives {
  service: DirectiveService;
  queries: DirectiveQueries;
  /** What fires at the sign-for and reply deadlines (listed by `directiveDeadlines`). */
  deadlines: DirectiveDeadlines;
}

export interface DirectiveDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  audit: AuditTrail;
  units: UnitService;
  engine: DeadlineEngine;
  notifier: Notifier;
  dataDir: string;
}

/** Builds the module; its deadline handlers are registered by the container (`directiveDeadlines`). */
export function createDirectives(d: DirectiveDeps): Directives {
  const files = new DirectiveFiles(d.dataDir);
  const notices = new DirectiveNotices(d.notifier);
  const service = new DirectiveService(d.db, d.dialect, d.clock, d.audit, d.engine, notices, files);
  const deadlines = new DirectiveDeadlines(d.audit, notices);
  return { service, queries: new DirectiveQueries(d.db, d.units, files), deadlines };
}
