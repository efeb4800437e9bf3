import type { DeadlineKind } from '../../engine/engine.js';
import { STEP_DEADLINE, type IncidentService } from './incidents.service.js';

/** The deadline kinds of incidents and what fires them; the container registers them. */
export const incidentDeadlines = (incidents: IncidentService): DeadlineKind[] => [
  {
    kind: STEP_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => incidents.onStepDeadline(tx, deadline.ref_id, now, afterCommit),
  },
];
