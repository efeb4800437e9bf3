import type { DeadlineKind } from '../../engine/engine.js';
import { DUTY_DUE_DEADLINE, DUTY_REMINDER_DEADLINE, type ReportDuties } from './report-duties.js';

/** The deadline kinds of staged incident reports and what fires them; the container registers them. */
export const incidentReportDeadlines = (duties: ReportDuties): DeadlineKind[] => [
  {
    kind: DUTY_DUE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => duties.onDue(tx, deadline.ref_id, now, afterCommit),
  },
  {
    kind: DUTY_REMINDER_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => duties.onReminder(tx, deadline.ref_id, now, afterCommit),
  },
];
