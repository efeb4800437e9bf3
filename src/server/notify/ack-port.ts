/**
 * What the outbox needs of acknowledge links, as a port the acknowledgements module implements:
 * links are issued with the message, in its transaction, and read back when the message is sent.
 */
import type { Executor } from '../db/database.js';
import type { NotificationRow } from '../modules/notifications/notifications.table.js';

/** The message asks its people to acknowledge a step by its deadline. */
export interface AckRequest {
  stepId: string;
  respondBy: Date;
}

export interface AckForMessage {
  /** Path inside Steady: /a/<token>. */
  path: string;
  /** What to reply by SMS or in the work app. */
  reply: string;
  /** The SMS extension code that tells which link a reply answers. */
  extendCode: string;
}

export interface AckLinks {
  issue(tx: Executor, rows: NotificationRow[], ask: AckRequest, now: Date): Promise<void>;
  forNotification(db: Executor, notificationId: string): Promise<AckForMessage | null>;
  /** The step is done: every link for it is closed. Answers the notifications that asked it, to mark answered. */
  close(tx: Executor, stepId: string, now: Date): Promise<string[]>;
}
