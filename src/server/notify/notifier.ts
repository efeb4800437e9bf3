import type { AfterCommit, Executor } from '../db/database.js';
import type { NotificationRow } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import type { DeliveryWorker } from './delivery-worker.js';
import type { LiveBus } from './live-bus.js';

export interface Message {
  kind: string;
  title: string;
  body: string;
  /** Path inside Steady, e.g. /incidents/<id>. */
  link: string | null;
  incidentId?: string | null;
  drill?: boolean;
  locale: string;
}

/**
 * Tells people something: an in-app notification each, a delivery through their contact methods,
 * and a live nudge to their open screens once the transaction has committed.
 */
export class Notifier {
  constructor(
    private readonly bus: LiveBus,
    private readonly outbox: DeliveryWorker,
  ) {}

  async tell(tx: Executor, afterCommit: AfterCommit, people: string[], message: Message, now: Date): Promise<void> {
    const unique = [...new Set(people)];
    if (unique.length === 0) return;
    const rows: NotificationRow[] = unique.map((person_id) => ({
      id: newId(), person_id, incident_id: message.incidentId ?? null, kind: message.kind, title: message.title, body: message.body,
      link: message.link, drill: message.drill ? 1 : 0, created_at: now.toISOString(), read_at: null,
    }));
    await tx.insertInto('notifications').values(rows).execute();
    for (const row of rows) await this.outbox.enqueue(tx, row, message.locale);
    afterCommit(() => unique.forEach((personId) => this.bus.publish({ kind: 'notification', personId })));
  }
}
