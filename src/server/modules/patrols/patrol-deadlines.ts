import type { DeadlineKind } from '../../engine/engine.js';
import { OVERDUE_DEADLINE, PLAN_NIGHT_DEADLINE, PROMPT_DEADLINE, type PatrolPlanner } from './patrol-planner.js';

/** The deadline kinds of patrols and what fires them; the container registers them. */
export const patrolDeadlines = (planner: PatrolPlanner): DeadlineKind[] => [
  { kind: PLAN_NIGHT_DEADLINE, fire: ({ tx, deadline, now }) => planner.onPlanNight(tx, deadline.ref_id, now) },
  {
    kind: PROMPT_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => planner.onPrompt(tx, deadline.ref_id, now, afterCommit),
  },
  {
    kind: OVERDUE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => planner.onOverdue(tx, deadline.ref_id, now, afterCommit),
  },
];
