/**
 * The contract between the notification engine (durable outbox, retries, failover) and the ways
 * Steady reaches people. A channel sends one message to one address once; it never retries on its
 * own, so that every attempt is the engine's to count, space out and log. Its only judgement is
 * the kind of failure: worth trying again later, or never going to work as it stands.
 */

export type ChannelName =
  | 'email'
  | 'webhook'
  | 'dingtalk'
  | 'wecom'
  | 'feishu'
  | 'sms'
  | 'voice'
  | 'wecom_app'
  | 'dingtalk_app'
  | 'feishu_app'
  | 'web_push';

/**
 * Where one message goes. Robot secrets are per address (each group robot has its own); the
 * vendor accounts behind SMS, voice, the work apps and Web Push are set once (channel settings).
 * Mobiles are E.164 (+8613800138000).
 */
export type Address =
  | { channel: 'email'; to: string }
  | { channel: 'webhook'; url: string; secret: string }
  | { channel: 'dingtalk'; url: string; secret?: string; mention?: string }
  | { channel: 'wecom'; url: string; mention?: string }
  | { channel: 'feishu'; url: string; secret?: string }
  | { channel: 'sms'; mobile: string }
  | { channel: 'voice'; mobile: string }
  | { channel: 'wecom_app'; userId: string }
  | { channel: 'dingtalk_app'; userId: string }
  | { channel: 'feishu_app'; userId: string }
  | {
      channel: 'web_push';
      subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
      device?: string;
    };

/**
 * What vendors with approved templates (SMS, voice) are given instead of free text: which template
 * (by the kind of message) and its parameters, each already cut to the vendor's variable length.
 */
export type TemplateKind = 'alert' | 'notice';

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
  /** alert: asks the person to act by a deadline; notice: anything else (reminders, digests). */
  template?: TemplateKind;
  /** Short fields for template vendors: unit, event, severity, due, place (see notify/templates.ts). */
  params?: Record<string, string>;
  /** The one-tap acknowledge link and the SMS reply that acknowledges, when the message asks for it. */
  ack?: { url: string; reply: string; extendCode: string };
}

export interface SendResult {
  /** What the provider calls the message, where it says (the SMTP server's reply for e-mail). */
  providerId?: string;
  /** Which vendor account carried it (aliyun_sms, tencent_voice…), for delivery health. */
  vendor?: string;
  /**
   * Set when the provider's answer already means the message reached the person (a robot or work
   * app took it); absent when a receipt will say so later (SMS, voice).
   */
  delivered?: boolean;
}

/**
 * Retry later (network error, timeout, 5xx, 429, robot rate-limit codes); `retryAfterMs` when the
 * provider says; `code` is the vendor's own error code, shown in delivery health.
 */
export class TransientDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
    readonly code?: string,
  ) {
    super(message, options);
    this.name = 'TransientDeliveryError';
  }

  /** The vendor account that answered, when one did (set by the channel that picked it). */
  vendor?: string;
}

/**
 * Will never succeed as is (bad address, 4xx other than 408/429, robot says bad signature / keyword, quota, template).
 */
export class PermanentDeliveryError extends Error {
  constructor(
    message: string,
    options?: ErrorOptions,
    readonly code?: string,
  ) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }

  vendor?: string;
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
