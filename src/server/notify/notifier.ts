import type { AfterCommit, Executor } from '../db/database.js';
import type { NotificationRow } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import type { AckLinks, AckRequest } from './ack-port.js';
import type { DeliveryWorker } from './delivery-worker.js';
import type { LiveBus } from './live-bus.js';

/**
 * urgent: an alert, an acknowledgement request or an escalation, never held behind routine messages;
 * critical: urgent, and a call follows an SMS not acknowledged in time (severity I–II incidents);
 * routine: reminders and notices, limited per person and merged into a digest within a minute.
 */
export type Priority = 'critical' | 'urgent' | 'routine';

export interface Message {
  kind: string;
  title: string;
  body: string;
  /** Path inside Steady, e.g. /incidents/<id>. */
  link: string | null;
  incidentId?: string | null;
  drill?: boolean;
  locale: string;
  /** routine when not given. */
  priority?: Priority;
  /** Short template parameters for SMS and voice (unit, event, due); see notify/templates.ts. */
  params?: Record<string, string>;
  /** Each person told gets a one-tap acknowledge link for this step, and the SMS reply code. */
  ask?: AckRequest;
}

/**
 * Tells people something: an in-app notification each, a delivery through their contact methods,
 * and a live nudge to their open screens once the transaction has committed.
 */
export class Notifier {
  constructor(
    private readonly bus: LiveBus,
    private readonly outbox: DeliveryWorker,
    private readonly acks?: AckLinks,
  ) {}

  async tell(tx: Executor, afterCommit: AfterCommit, people: string[], message: Message, now: Date): Promise<void> {
    const unique = [...new Set(people)];
    if (unique.length === 0) return;
    const rows: NotificationRow[] = unique.map((person_id) => ({
      id: newId(), person_id, incident_id: message.incidentId ?? null, kind: message.kind, title: message.title, body: message.body,
      link: message.link, drill: message.drill ? 1 : 0, created_at: now.toISOString(), read_at: null,
      priority: message.priority ?? 'routine', respond_by: message.ask?.respondBy.toISOString() ?? null,
      params_json: message.params ? JSON.stringify(message.params) : null, answered_at: null,
    }));
    await tx.insertInto('notifications').values(rows).execute();
    if (message.ask && this.acks) await this.acks.issue(tx, rows, message.ask, now);
    for (const row of rows) await this.outbox.enqueue(tx, row, message.locale);
    afterCommit(() => unique.forEach((personId) => this.bus.publish({ kind: 'notification', personId })));
  }

  /** What a step asked is done: its links close and its messages start no further method. */
  async answered(tx: Executor, stepId: string, now: Date): Promise<void> {
    await this.acks?.close(tx, stepId, now);
  }
}
