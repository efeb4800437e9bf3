import type { DeadlineKind } from '../../engine/engine.js';
import { FOLLOW_UP_DEADLINE, type CaseService } from './cases.service.js';

/** The deadline kinds of dispute cases and what fires them; the container registers them. */
export const caseDeadlines = (cases: CaseService): DeadlineKind[] => [
  {
    kind: FOLLOW_UP_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => cases.onFollowUp(tx, deadline.ref_id, now, afterCommit),
  },
];
