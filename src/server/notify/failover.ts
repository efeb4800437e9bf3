/**
 * Failover inside the deadline, and delivery receipts. An urgent message whose method has not
 * confirmed delivery by its failover moment — min(30 s, a quarter of the time left) — starts the
 * next method in parallel; the first keeps its own retries. For a severity I–II incident an SMS not
 * acknowledged by then is also followed by a call to the same mobile. A vendor's receipt marks a
 * delivery delivered, or failed and handed over at once.
 */
import type { Db, DialectName } from '../db/database.js';
import { PermanentDeliveryError } from './channels/channel.js';
import * as repo from './deliveries.repository.js';
import * as inbox from '../modules/notifications/notifications.repository.js';
import type { DeliveryWorker } from './delivery-worker.js';

export interface ReceiptOutcome {
  delivered: boolean;
  /** The vendor's status or error code, and its words, for delivery health. */
  code?: string;
  description?: string;
  at: Date;
}

export class Failover {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly worker: DeliveryWorker,
  ) {}

  async sweep(now: Date): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const due = await repo.dueForFailover(tx, this.dialect, now.toISOString(), 100);
      for (const { notification_priority: priority, answered_at: answered, ...delivery } of due) {
        await repo.updateDelivery(tx, delivery.id, { handed_over: 1 });
        if (answered) continue;
        const notification = await inbox.findById(tx, delivery.notification_id);
        if (priority === 'critical' && delivery.channel === 'sms') {
          const { mobile } = JSON.parse(delivery.address_json) as { mobile: string };
          const call = this.worker.row(
            notification,
            {
              position: delivery.method_position,
              channel: 'voice',
              address_json: JSON.stringify({ channel: 'voice', mobile }),
            },
            delivery.locale,
            now,
          );
          await repo.insertDeliveries(tx, [{ ...call, handed_over: 1, failover_at: null }]);
        }
        if (delivery.delivered_at || (await repo.hasLaterMethod(tx, delivery))) continue;
        const next = (await repo.contactMethodsOf(tx, [delivery.person_id])).find(
          (m) => m.position > delivery.method_position,
        );
        if (next) await this.worker.handOver(tx, delivery, this.worker.row(notification, next, delivery.locale, now));
      }
      return due.length;
    });
  }

  /**
   * A receipt from a vendor; false when no delivery has that id (a receipt for another system, or a repeat after a
   * purge).
   */
  async receipt(vendors: string[], providerId: string, outcome: ReceiptOutcome): Promise<boolean> {
    const delivery = await repo.byProvider(this.db, vendors, providerId);
    if (!delivery) return false;
    if (outcome.delivered) {
      if (!delivery.delivered_at)
        await repo.updateDelivery(this.db, delivery.id, { delivered_at: outcome.at.toISOString() });
      return true;
    }
    if (delivery.state === 'failed' || delivery.state === 'dead') return true;
    const error = new PermanentDeliveryError(
      `${delivery.vendor ?? delivery.channel} receipt: ${outcome.code ?? 'failed'} ${outcome.description ?? ''}`.trim(),
      undefined,
      outcome.code,
    );
    await this.worker.failed(delivery, error, true);
    return true;
  }
}
