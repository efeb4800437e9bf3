/**
 * The contract between the notification engine (durable outbox, retries, failover) and the ways
 * Steady reaches people. A channel sends one message to one address once; it never retries on its
 * own, so that every attempt is the engine's to count, space out and log. Its only judgement is
 * the kind of failure: worth trying again later, or never going to work as it stands.
 */

export type ChannelName = 'email' | 'webhook' | 'dingtalk' | 'wecom' | 'feishu';

/** Where one message goes. Secrets are per address (each group robot has its own). */
export type Address =
  | { channel: 'email'; to: string }
  | { channel: 'webhook'; url: string; secret: string }
  | { channel: 'dingtalk'; url: string; secret?: string }
  | { channel: 'wecom'; url: string }
  | { channel: 'feishu'; url: string; secret?: string };

export interface OutgoingMessage {
  /** Unique per delivery; sent along (Message-ID / header / text) so a receiver can tell a repeat. */
  deliveryId: string;
  locale: 'zh-CN' | 'en';
  /** e.g. 【突发事件】城关镇中心幼儿园 · 火灾 · Ⅲ级; never truncated. */
  title: string;
  /** Plain text, several lines; shortened with an ellipsis when a provider's limit requires. */
  body: string;
  /** Absolute URL into Steady. */
  link?: string;
  /** A practice run: every channel marks it clearly (演练 / DRILL) in title and body. */
  drill?: boolean;
}

export interface SendResult {
  /** What the provider calls the message, where it says (the SMTP server's reply for e-mail). */
  providerId?: string;
}

/** Retry later (network error, timeout, 5xx, 429, robot rate-limit codes); `retryAfterMs` when the provider says. */
export class TransientDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'TransientDeliveryError';
  }
}

/** Will never succeed as is (bad address, 4xx other than 408/429, robot says bad signature / keyword). */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

export interface Channel {
  readonly name: ChannelName;
  /** `now` is the engine's clock: it dates the message and its signature. */
  send(address: Address, message: OutgoingMessage, now: Date): Promise<SendResult>;
}

/** The address as the channel needs it; a mismatch is the caller's mistake and never heals. */
export function addressFor<C extends ChannelName>(address: Address, channel: C): Extract<Address, { channel: C }> {
  if (address.channel !== channel) {
    throw new PermanentDeliveryError(`a ${address.channel} address was given to the ${channel} channel`);
  }
  return address as Extract<Address, { channel: C }>;
}
