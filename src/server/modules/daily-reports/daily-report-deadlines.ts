import type { DeadlineKind } from '../../engine/engine.js';
import { CLOSE_DEADLINE, LATE_DEADLINE, PLANNER_DEADLINE, REMIND_DEADLINE } from './daily-report-kinds.js';
import type { DailyReportScheduler } from './daily-report-scheduler.js';

/** The deadline kinds of daily reports and what fires them; the container registers them. */
export const dailyReportDeadlines = (scheduler: DailyReportScheduler): DeadlineKind[] => [
  { kind: PLANNER_DEADLINE, fire: ({ tx, deadline, now }) => scheduler.onPlanner(tx, deadline, now) },
  {
    kind: REMIND_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => scheduler.onRemind(tx, deadline, now, afterCommit),
  },
  {
    kind: LATE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => scheduler.onLate(tx, deadline, now, afterCommit),
  },
  {
    kind: CLOSE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => scheduler.onClose(tx, deadline, now, afterCommit),
  },
];
