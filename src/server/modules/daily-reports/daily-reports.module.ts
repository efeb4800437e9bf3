import type { Db } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import type { LiveBus } from '../../notify/live-bus.js';
import type { Notifier } from '../../notify/notifier.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { DailyReportBoard } from './daily-report-board.js';
import { DailyReportScheduler } from './daily-report-scheduler.js';
import { DailyReportService } from './daily-reports.service.js';

/** The daily-report module's parts: sending, the supervisors' board, and the engine's planner. */
export interface DailyReports {
  service: DailyReportService;
  board: DailyReportBoard;
  scheduler: DailyReportScheduler;
}

export interface DailyReportDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  planRules: PlanRules;
  engine: DeadlineEngine;
  notifier: Notifier;
  bus: LiveBus;
}

/** Builds the module; its deadline handlers are registered by the container (`dailyReportDeadlines`). */
export function createDailyReports(d: DailyReportDeps): DailyReports {
  const scheduler = new DailyReportScheduler(d.db, d.clock, d.audit, d.planRules, d.engine, d.notifier, d.bus);
  const service = new DailyReportService(
    d.db,
    d.clock,
    d.audit,
    d.planRules,
    d.engine,
    d.bus,
    (tx, unit, day, now, from) => scheduler.planDay(tx, unit, day, now, from),
  );
  const board = new DailyReportBoard(d.db, d.clock);
  return { service, board, scheduler };
}
