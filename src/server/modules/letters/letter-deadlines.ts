import type { AfterCommit, Executor } from '../../db/database.js';
import type { DeadlineEngine, DeadlineKind } from '../../engine/engine.js';
import { engineActor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { Notifier } from '../../notify/notifier.js';
import { tellSigners, unsignedSides } from './letter-notices.js';
import * as repo from './letters.repository.js';
import { SIGN_DUE_DEADLINE } from './letters.service.js';

export const CHASE_DEADLINE = 'letters.chase';
/** A letter unsigned past its deadline is chased once a day, for at most this many days. */
export const CHASE_DAYS = 14;
const DAY = 86_400_000;

/** The deadline kinds of responsibility letters and what fires them; the container registers them. */
export const letterDeadlines = (handlers: LetterDeadlines): DeadlineKind[] => [
  {
    kind: SIGN_DUE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) => handlers.chase(tx, deadline.ref_id, now, afterCommit, true),
  },
  {
    kind: CHASE_DEADLINE,
    fire: ({ tx, deadline, now, afterCommit }) =>
      handlers.chase(tx, deadline.ref_id.split(':')[0]!, now, afterCommit, false),
  },
];

/**
 * The engine's side of letters: at the deadline an unsigned letter is marked late (kept after a
 * late signature) and its missing signers are told; then they are chased daily until both sign.
 */
export class LetterDeadlines {
  constructor(
    private readonly audit: AuditTrail,
    private readonly notifier: Notifier,
    private readonly engine: DeadlineEngine,
  ) {}

  /** Marks an unsigned letter late (`first`, at its deadline) or chases it again, and plans tomorrow's chase. */
  async chase(tx: Executor, id: string, now: Date, afterCommit: AfterCommit, first: boolean): Promise<void> {
    const letter = await repo.find(tx, id);
    if (!letter || letter.status !== 'awaiting') return;
    const sides = unsignedSides(letter);
    if (sides.length === 0) return;
    const at = now.toISOString();
    await repo.update(tx, id, {
      ...(first ? { marked_late_at: at } : {}),
      reminders: letter.reminders + 1,
      last_reminded_at: at,
    });
    await tellSigners(this.notifier, tx, afterCommit, now, letter, sides, 'letter.overdueBody');
    await this.audit.record(tx, engineActor, {
      action: first ? 'letter.sign-overdue' : 'letter.chase',
      entity: 'letter',
      entityId: id,
      unitId: letter.unit_id,
      after: { sides, reminders: letter.reminders + 1 },
    });
    if (letter.reminders + 1 <= CHASE_DAYS) {
      await this.engine.schedule(tx, {
        kind: CHASE_DEADLINE,
        refId: `${id}:${letter.reminders + 1}`,
        unitId: letter.unit_id,
        dueAt: new Date(now.getTime() + DAY),
      });
    }
  }
}
