import type { DeadlineKind } from '../../engine/engine.js';
import { CLOSING_DEADLINE, PURGE_DEADLINE, type VisitorService } from './visitors.service.js';

/** The deadline kinds of the visitor log and what fires them; the container registers them. */
export const visitorDeadlines = (visitors: VisitorService): DeadlineKind[] => [
  {
    kind: CLOSING_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => visitors.onClosing(tx, deadline.ref_id, now, afterCommit),
  },
  { kind: PURGE_DEADLINE, fire: ({ tx, deadline }) => visitors.onPurge(tx, deadline.ref_id) },
];
