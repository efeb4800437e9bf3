import type { Db, DialectName, Executor } from '../db/database.js';
import type { DeliveryRow } from './deliveries.table.js';
import type { NotificationRow } from '../modules/notifications/notifications.table.js';
import * as inbox from '../modules/notifications/notifications.repository.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import type { AckLinks } from './ack-port.js';
import {
  PermanentDeliveryError,
  TransientDeliveryError,
  type Address,
  type Channel,
  type ChannelName,
  type OutgoingMessage,
} from './channels/channel.js';
import * as repo from './deliveries.repository.js';
import { digestBody, failoverDelay, isPersonal, PERSONAL_ACK_CHANNELS } from './delivery-rules.js';

export interface DeliveryOptions {
  /** Tries on one method before handing over to the next. */
  attemptsPerMethod?: number;
  /** Routine messages one person may be sent per minute; the rest wait, none is dropped. Alerts are never held. */
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
  /** Acknowledge links of messages that ask for one. */
  acks?: AckLinks;
}

/** The channel of the record kept for someone with no contact method: the message is in their inbox only. */
export const IN_APP_ONLY = 'in_app';
/** Routine messages to one person within this window go as one digest. */
export const DIGEST_WINDOW_MS = 60_000;

const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 30 * 60_000);
const errorCode = (error: unknown) =>
  error instanceof TransientDeliveryError || error instanceof PermanentDeliveryError ? (error.code ?? null) : null;
/** Channels that are a vendor account themselves; SMS and voice name theirs on the error. */
const APP_VENDORS = new Set(['wecom_app', 'dingtalk_app', 'feishu_app', 'web_push']);
const vendorOf = (error: unknown, channel: string) =>
  (error instanceof TransientDeliveryError || error instanceof PermanentDeliveryError ? error.vendor : undefined) ??
  (APP_VENDORS.has(channel) ? channel : null);

type Method = { position: number; channel: string; address_json: string };

/**
 * Sends what the outbox holds. A delivery is claimed in one transaction, sent outside it, and its
 * outcome recorded in another: a crash between sending and recording means it is sent again when
 * its lease lapses (at least once); every message carries its delivery id so a receiver can tell.
 * Urgent messages start the next method in parallel when the current one has not confirmed delivery
 * by its failover moment (failover.ts), without waiting for the retries to run out.
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
  private acks: AckLinks | undefined;
  /** Runs before each claim: the failover sweep (set by the composition root). */
  beforeClaim: ((now: Date) => Promise<void>) | undefined;

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
    this.acks = options.acks;
  }

  useAckLinks(acks: AckLinks): void {
    this.acks = acks;
  }

  /**
   * Queues a notification for a person's first contact method, inside the caller's transaction.
   * Someone with no contact method still gets a record, so that every message has one and the
   * delivery log shows who was reached only in the app.
   */
  enqueue(tx: Executor, notification: NotificationRow, locale: string): Promise<void> {
    return this.enqueueAll(tx, [notification], () => locale);
  }

  /** Queues several notifications as `enqueue` does each, with one read of the methods and one insert. */
  async enqueueAll(
    tx: Executor,
    notifications: NotificationRow[],
    localeOf: (personId: string) => string,
  ): Promise<void> {
    if (notifications.length === 0) return;
    const methods = await repo.contactMethodsOf(tx, [...new Set(notifications.map((n) => n.person_id))]);
    // Ordered by position, so the first row of each person is their first method.
    const first = new Map<string, Method>();
    for (const method of methods) if (!first.has(method.person_id)) first.set(method.person_id, method);
    const now = this.clock.now().toISOString();
    await repo.insertDeliveries(
      tx,
      notifications.map((notification) => {
        const locale = localeOf(notification.person_id);
        const method = first.get(notification.person_id);
        if (method) return this.row(notification, method, locale);
        return {
          ...this.row(notification, { position: 0, channel: IN_APP_ONLY, address_json: '{}' }, locale),
          state: 'sent',
          sent_at: now,
          delivered_at: now,
          handed_over: 1,
          failover_at: null,
        };
      }),
    );
  }

  /** Queues a notification to bare mobiles (not Steady users): an SMS delivery each, `person_id` `to:<mobile>`. */
  async enqueueTo(tx: Executor, notification: NotificationRow, mobiles: string[], locale: string): Promise<void> {
    // A whole school's guardians: a few hundred rows a statement, under both databases' parameter limits.
    for (let i = 0; i < mobiles.length; i += 500)
      await this.insertTo(tx, notification, mobiles.slice(i, i + 500), locale);
  }

  private async insertTo(tx: Executor, notification: NotificationRow, mobiles: string[], locale: string) {
    await repo.insertDeliveries(
      tx,
      mobiles.map((mobile) => ({
        ...this.row(
          notification,
          { position: 0, channel: 'sms', address_json: JSON.stringify({ channel: 'sms', mobile }) },
          locale,
        ),
        person_id: `to:${mobile}`,
      })),
    );
  }

  /** A delivery row for a method; an urgent one carries the moment its next method starts. */
  row(
    notification: Pick<NotificationRow, 'id' | 'person_id' | 'priority' | 'respond_by'>,
    method: Method,
    locale: string,
    at = this.clock.now(),
  ): DeliveryRow {
    const now = this.clock.now();
    const delay = failoverDelay(notification.priority, notification.respond_by, at);
    return {
      id: newId(),
      notification_id: notification.id,
      person_id: notification.person_id,
      method_position: method.position,
      channel: method.channel,
      address_json: method.address_json,
      locale,
      state: 'pending',
      attempts: 0,
      next_attempt_at: at.toISOString(),
      lease_until: null,
      last_error: null,
      sent_at: null,
      created_at: now.toISOString(),
      priority: notification.priority,
      respond_by: notification.respond_by,
      failover_at: delay === null ? null : new Date(at.getTime() + delay).toISOString(),
      handed_over: 0,
      provider_id: null,
      delivered_at: null,
      error_code: null,
      error_at: null,
      merged_into: null,
      vendor: null,
    };
  }

  /**
   * Starts the failovers that are due, then sends everything due now, including what a failover
   * queued during this tick; returns how many deliveries were attempted.
   */
  async tick(): Promise<number> {
    let attempted = 0;
    for (;;) {
      await this.beforeClaim?.(this.clock.now());
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
      const merged = new Set<string>();
      for (const delivery of due) {
        if (merged.has(delivery.id)) continue;
        if (delivery.priority === 'routine' && (await this.holdRoutine(tx, delivery, now))) continue;
        await repo.updateDelivery(tx, delivery.id, {
          state: 'sending',
          lease_until: new Date(now.getTime() + this.leaseMs).toISOString(),
        });
        if (delivery.priority === 'routine' && delivery.attempts === 0) {
          // Every routine message waiting for this person now rides in this one, as a digest.
          const riders = await repo.routineWaiting(tx, delivery);
          for (const rider of riders) {
            merged.add(rider.id);
            await repo.updateDelivery(tx, rider.id, { state: 'merged', merged_into: delivery.id, lease_until: null });
          }
        }
        claimed.push(delivery);
      }
      return claimed;
    });
  }

  /**
   * A routine message waits when the person had one in the last minute (it then goes with the others
   * as a digest when the minute is up), or when the per-minute limit is reached. Alerts never wait.
   */
  private async holdRoutine(tx: Executor, delivery: DeliveryRow, now: Date): Promise<boolean> {
    if (delivery.attempts > 0) return false;
    const { n, last } = await repo.routineSentSince(
      tx,
      delivery.person_id,
      new Date(now.getTime() - DIGEST_WINDOW_MS).toISOString(),
    );
    if (n === 0) return false;
    const until = n >= this.perMinute || !last ? now.getTime() + 15_000 : Date.parse(last) + DIGEST_WINDOW_MS;
    await repo.updateDelivery(tx, delivery.id, {
      state: 'pending',
      lease_until: null,
      next_attempt_at: new Date(Math.max(until, now.getTime() + 1000)).toISOString(),
    });
    return true;
  }

  private async message(delivery: DeliveryRow): Promise<OutgoingMessage> {
    const notification = await inbox.findById(this.db, delivery.notification_id);
    const absolute = (path: string | null) =>
      path && this.options.publicUrl ? `${this.options.publicUrl.replace(/\/$/, '')}${path}` : undefined;
    const ack =
      this.acks && isPersonal(delivery.channel) ? await this.acks.forNotification(this.db, notification.id) : null;
    const riders = delivery.priority === 'routine' ? await repo.mergedInto(this.db, delivery.id) : [];
    const locale = delivery.locale === 'en' ? 'en' : 'zh-CN';
    const link = absolute(notification.link);
    const ackUrl = ack && PERSONAL_ACK_CHANNELS.has(delivery.channel) ? absolute(ack.path) : undefined;
    const message: OutgoingMessage = {
      deliveryId: delivery.id,
      locale,
      title: notification.title,
      body: notification.body,
      drill: notification.drill === 1,
      template: notification.respond_by && notification.priority !== 'routine' ? 'alert' : 'notice',
      ...(notification.params_json ? { params: JSON.parse(notification.params_json) as Record<string, string> } : {}),
      ...((ackUrl ?? link) ? { link: ackUrl ?? link } : {}),
      ...(ack ? { ack: { url: ackUrl ?? link ?? '', reply: ack.reply, extendCode: ack.extendCode } } : {}),
    };
    return riders.length ? digestBody(message, notification, riders) : message;
  }

  private async attempt(delivery: DeliveryRow): Promise<void> {
    try {
      const address = JSON.parse(delivery.address_json) as Address;
      const result = await this.channels[delivery.channel as ChannelName].send(
        address,
        await this.message(delivery),
        this.clock.now(),
      );
      const now = this.clock.now().toISOString();
      await repo.updateDelivery(this.db, delivery.id, {
        state: 'sent',
        sent_at: now,
        lease_until: null,
        attempts: delivery.attempts + 1,
        provider_id: result.providerId ?? null,
        vendor: result.vendor ?? null,
        ...(result.delivered ? { delivered_at: now } : {}),
      });
    } catch (error) {
      await this.failed(delivery, error);
    }
  }

  /** Records a failure: retried on this method, or handed over (unless a failover already did), or a new round. */
  async failed(delivery: DeliveryRow, error: unknown, final = false): Promise<void> {
    const attempts = delivery.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    const transient = !final && (error instanceof TransientDeliveryError || !(error instanceof PermanentDeliveryError));
    await this.db.transaction().execute(async (tx) => {
      const now = this.clock.now().getTime();
      const marks = {
        attempts,
        last_error: message,
        error_code: errorCode(error),
        error_at: new Date(now).toISOString(),
        lease_until: null,
        vendor: vendorOf(error, delivery.channel) ?? delivery.vendor,
      };
      if (transient && attempts < this.attemptsPerMethod) {
        const wait = Math.max(
          backoffMs(attempts),
          error instanceof TransientDeliveryError ? (error.retryAfterMs ?? 0) : 0,
        );
        await repo.updateDelivery(tx, delivery.id, {
          ...marks,
          state: 'pending',
          next_attempt_at: new Date(now + wait).toISOString(),
        });
        return;
      }
      const notification = await inbox.findById(tx, delivery.notification_id);
      const methods = await repo.contactMethodsOf(tx, [delivery.person_id]);
      const next = (await repo.hasLaterMethod(tx, delivery))
        ? undefined
        : methods.find((m) => m.position > delivery.method_position);
      await repo.updateDelivery(tx, delivery.id, { ...marks, state: 'failed', handed_over: 1 });
      if (next) {
        await this.handOver(tx, delivery, this.row(notification, next, delivery.locale));
        return;
      }
      // Another method of this message is still being tried (a failover runs in parallel): it decides.
      if (await repo.stillTrying(tx, delivery.notification_id)) return;
      // Every method has failed. A channel that was only down may be back later, so the round
      // starts again from the first method after a pause, for as long as the message still matters;
      // a refusal (bad address, bad signature) will not mend by waiting.
      const again =
        transient &&
        methods[0] &&
        !notification.answered_at &&
        now - Date.parse(notification.created_at) < this.giveUpAfterMs;
      if (!again) await repo.updateDelivery(tx, delivery.id, { state: 'dead' });
      else
        await this.handOver(
          tx,
          delivery,
          this.row(notification, methods[0]!, delivery.locale, new Date(now + this.roundPauseMs)),
        );
    });
  }

  /** Queues the next delivery; a digest's riders move with it. */
  async handOver(tx: Executor, from: DeliveryRow, next: DeliveryRow): Promise<void> {
    await repo.insertDeliveries(tx, [next]);
    if (from.priority === 'routine')
      await tx.updateTable('deliveries').set({ merged_into: next.id }).where('merged_into', '=', from.id).execute();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      this.timer = setTimeout(() => {
        this.running = this.tick()
          .catch((error) => console.error('delivery worker:', error))
          .finally(() => {
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
