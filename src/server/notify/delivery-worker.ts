import type { Db, DialectName, Executor } from '../db/database.js';
import type { DeliveryRow, NotificationRow } from '../db/schema.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { PermanentDeliveryError, TransientDeliveryError, type Address, type Channel, type ChannelName } from './channels/channel.js';
import * as repo from './deliveries.repository.js';

export interface DeliveryOptions {
  /** Tries on one method before handing over to the next. */
  attemptsPerMethod?: number;
  /** Messages one person may be sent per minute; the rest wait, none is dropped. */
  perPersonPerMinute?: number;
  /** How long a claimed delivery may take before another sender may try it. */
  leaseMs?: number;
  batchSize?: number;
  pollMs?: number;
  /** Absolute base of links in messages, e.g. https://steady.example.org. */
  publicUrl?: string;
  /** After every method failed for a passing reason, how long to wait before a new round from the first. */
  roundPauseMs?: number;
  /** How long after the notification new rounds are still started; past it the delivery is dead. */
  giveUpAfterMs?: number;
}

/** The channel of the record kept for someone with no contact method: the message is in their inbox only. */
export const IN_APP_ONLY = 'in_app';

const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 30 * 60_000);

/**
 * Sends what the outbox holds. A delivery is claimed in one transaction, sent outside it, and its
 * outcome recorded in another: a crash between sending and recording means it is sent again when
 * its lease lapses (at least once); every message carries its delivery id so a receiver can tell.
 */
export class DeliveryWorker {
  private readonly attemptsPerMethod: number;
  private readonly perMinute: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly roundPauseMs: number;
  private readonly giveUpAfterMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly clock: Clock,
    private readonly channels: Record<ChannelName, Channel>,
    private readonly options: DeliveryOptions = {},
  ) {
    this.attemptsPerMethod = options.attemptsPerMethod ?? 4;
    this.perMinute = options.perPersonPerMinute ?? 6;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 20;
    this.roundPauseMs = options.roundPauseMs ?? 5 * 60_000;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 24 * 60 * 60_000;
  }

  /**
   * Queues a notification for a person's first contact method, inside the caller's transaction.
   * Someone with no contact method still gets a record, so that every message has one and the
   * delivery log shows who was reached only in the app.
   */
  async enqueue(tx: Executor, notification: NotificationRow, locale: string): Promise<void> {
    const [first] = await repo.contactMethodsOf(tx, [notification.person_id]);
    if (first) {
      await repo.insertDeliveries(tx, [this.row(notification.id, notification.person_id, first, locale)]);
      return;
    }
    const now = this.clock.now().toISOString();
    await repo.insertDeliveries(tx, [{
      ...this.row(notification.id, notification.person_id, { position: 0, channel: IN_APP_ONLY, address_json: '{}' }, locale),
      state: 'sent', sent_at: now,
    }]);
  }

  private row(notificationId: string, personId: string, method: { position: number; channel: string; address_json: string }, locale: string, at = this.clock.now()): DeliveryRow {
    const now = this.clock.now().toISOString();
    return {
      id: newId(), notification_id: notificationId, person_id: personId, method_position: method.position, channel: method.channel,
      address_json: method.address_json, locale, state: 'pending', attempts: 0, next_attempt_at: at.toISOString(), lease_until: null,
      last_error: null, sent_at: null, created_at: now,
    };
  }

  /**
   * Sends everything due now, including what a failover queued during this tick; returns how many
   * deliveries were attempted. Ends because every failure is rescheduled into the future.
   */
  async tick(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return attempted;
      await Promise.all(claimed.map((d) => this.attempt(d)));
      attempted += claimed.length;
    }
  }

  private async claim(): Promise<DeliveryRow[]> {
    return this.db.transaction().execute(async (tx) => {
      const now = this.clock.now();
      const due = await repo.claimable(tx, this.dialect, now.toISOString(), this.batchSize);
      const claimed: DeliveryRow[] = [];
      const since = new Date(now.getTime() - 60_000).toISOString();
      for (const delivery of due) {
        if ((await repo.sentSince(tx, delivery.person_id, since)) >= this.perMinute) {
          await repo.updateDelivery(tx, delivery.id, { state: 'pending', lease_until: null, next_attempt_at: new Date(now.getTime() + 15_000).toISOString() });
          continue;
        }
        await repo.updateDelivery(tx, delivery.id, { state: 'sending', lease_until: new Date(now.getTime() + this.leaseMs).toISOString() });
        claimed.push(delivery);
      }
      return claimed;
    });
  }

  private async attempt(delivery: DeliveryRow): Promise<void> {
    const notification = await repo.notificationById(this.db, delivery.notification_id);
    const link = notification.link && this.options.publicUrl ? `${this.options.publicUrl.replace(/\/$/, '')}${notification.link}` : undefined;
    try {
      const address = JSON.parse(delivery.address_json) as Address;
      await this.channels[delivery.channel as ChannelName].send(address, {
        deliveryId: delivery.id, locale: delivery.locale === 'en' ? 'en' : 'zh-CN', title: notification.title, body: notification.body,
        drill: notification.drill === 1, ...(link ? { link } : {}),
      }, this.clock.now());
      await repo.updateDelivery(this.db, delivery.id, { state: 'sent', sent_at: this.clock.now().toISOString(), lease_until: null, attempts: delivery.attempts + 1 });
    } catch (error) {
      await this.failed(delivery, error);
    }
  }

  private async failed(delivery: DeliveryRow, error: unknown): Promise<void> {
    const attempts = delivery.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    const transient = error instanceof TransientDeliveryError || !(error instanceof PermanentDeliveryError);
    await this.db.transaction().execute(async (tx) => {
      const now = this.clock.now().getTime();
      if (transient && attempts < this.attemptsPerMethod) {
        const wait = Math.max(backoffMs(attempts), error instanceof TransientDeliveryError ? (error.retryAfterMs ?? 0) : 0);
        await repo.updateDelivery(tx, delivery.id, { state: 'pending', attempts, last_error: message, lease_until: null, next_attempt_at: new Date(now + wait).toISOString() });
        return;
      }
      const methods = await repo.contactMethodsOf(tx, [delivery.person_id]);
      const next = methods.find((m) => m.position > delivery.method_position);
      if (next) {
        await repo.updateDelivery(tx, delivery.id, { state: 'failed', attempts, last_error: message, lease_until: null });
        await repo.insertDeliveries(tx, [this.row(delivery.notification_id, delivery.person_id, next, delivery.locale)]);
        return;
      }
      // Every method has failed. A channel that was only down may be back later, so the round
      // starts again from the first method after a pause, for as long as the message still matters;
      // a refusal (bad address, bad signature) will not mend by waiting.
      const again = transient && methods[0] && now - Date.parse((await repo.notificationById(tx, delivery.notification_id)).created_at) < this.giveUpAfterMs;
      await repo.updateDelivery(tx, delivery.id, { state: again ? 'failed' : 'dead', attempts, last_error: message, lease_until: null });
      if (again) await repo.insertDeliveries(tx, [this.row(delivery.notification_id, delivery.person_id, methods[0]!, delivery.locale, new Date(now + this.roundPauseMs))]);
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      this.timer = setTimeout(() => {
        this.running = this.tick().catch((error) => console.error('delivery worker:', error)).finally(() => {
          if (!this.stopped) loop();
        });
      }, this.options.pollMs ?? 500);
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
