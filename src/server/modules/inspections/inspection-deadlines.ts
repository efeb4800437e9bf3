import type { DeadlineKind } from '../../engine/engine.js';
import type { Inspections } from './inspections.module.js';
import { UNUSED_PHOTO_DEADLINE } from './inspection-photos.js';
import { ESCALATE_DEADLINE, OVERDUE_DEADLINE } from './rectification.service.js';
import { DUE_DEADLINE } from './schedules.service.js';

/** The deadline kinds of inspections and rectification tasks and what fires them; the container registers them. */
export const inspectionDeadlines = (m: Inspections): DeadlineKind[] => [
  {
    kind: DUE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => m.schedules.onDue(tx, deadline.ref_id, now, afterCommit),
  },
  {
    kind: OVERDUE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => m.rectification.onOverdue(tx, deadline.ref_id, now, afterCommit),
  },
  {
    kind: UNUSED_PHOTO_DEADLINE,
    fire: ({ tx, deadline, afterCommit }) => m.inspections.onUnusedPhoto(tx, afterCommit, deadline.ref_id),
  },
  {
    kind: ESCALATE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => m.rectification.onEscalate(tx, deadline.ref_id, now, afterCommit),
  },
];
