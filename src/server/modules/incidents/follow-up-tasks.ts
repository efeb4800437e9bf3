import type { AfterCommit, Executor } from '../../db/database.js';
import type { UnitRow } from '../units/units.table.js';
import type { FieldProblem } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';

/** One follow-up of an after-action report, as the task that tracks it is made. */
export interface FollowUpTask {
  unit: UnitRow;
  incidentId: string;
  /** How the ledger names where the task came from: the incident's date and place. */
  label: string;
  /** What happened, for whoever picks the task up. */
  detail: string;
  title: string;
  ownerPersonId: string;
  dueAt: Date;
}

/**
 * Where an after-action report's follow-ups go so that someone chases them: the rectification
 * ledger, whose tasks have owners, deadlines, reminders and escalation. The incidents module
 * asks through this port and never reads that module's tables.
 */
export interface FollowUpTasks {
  /** Problems with the owner (not of the unit) or the due time (already past), named under `prefix`. */
  check(tx: Executor, unitId: string, ownerPersonId: string, dueAt: Date, prefix: string): Promise<FieldProblem[]>;
  /** Makes the task in the closing transaction; returns its id. */
  create(tx: Executor, afterCommit: AfterCommit, actor: Actor, task: FollowUpTask): Promise<string>;
}
