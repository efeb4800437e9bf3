/**
 * The generic signed webhook, for systems that are not one of the group robots.
 *
 * What a receiver gets, and how to check it:
 *
 *   POST <url>
 *   Content-Type: application/json; charset=utf-8
 *   X-Steady-Delivery: <deliveryId>          the same id on every retry: use it to drop repeats
 *   X-Steady-Timestamp: <unix seconds>
 *   X-Steady-Signature: sha256=<hex>
 *
 *   {"deliveryId", "title", "body", "link" (string or null), "drill" (boolean),
 *    "locale" ("zh-CN" | "en"), "sentAt" (ISO 8601)}
 *
 *   <hex> = lowercase hex of HMAC-SHA256(key = the shared secret, message = timestamp + "." + raw body)
 *
 * To verify: take the body as received bytes (before any JSON parsing), compute the HMAC over
 * `${X-Steady-Timestamp}.${rawBody}`, compare with a constant-time comparison, and refuse a
 * timestamp more than 5 minutes from your clock so that a captured request cannot be replayed
 * later. For a drill, `drill` is true and title and body also carry the 演练 / DRILL marker.
 *
 * Any 2xx means delivered. 408, 429 and 5xx are retried (honouring Retry-After); any other status
 * is final.
 */
import { createHmac } from 'node:crypto';
import { addressFor } from './channel.js';
import type { Address, Channel, OutgoingMessage, SendResult } from './channel.js';
import { markedTitleAndBody } from './compose.js';
import { postJson, throwIfNotOk, throwIfTransientStatus } from './http.js';
import type { HttpOptions } from './http.js';

/** The value of X-Steady-Signature for a timestamp (unix seconds) and the exact body sent. */
export function webhookSignature(secret: string, timestampSeconds: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`, 'utf8').digest('hex')}`;
}

export function webhookBody(message: OutgoingMessage, now: Date): string {
  const { title, body } = markedTitleAndBody(message);
  return JSON.stringify({
    deliveryId: message.deliveryId,
    title,
    body,
    link: message.link ?? null,
    drill: message.drill === true,
    locale: message.locale,
    sentAt: now.toISOString(),
  });
}

export function webhookChannel(http: HttpOptions): Channel {
  return {
    name: 'webhook',
    async send(address: Address, message: OutgoingMessage, now: Date): Promise<SendResult> {
      const { url, secret } = addressFor(address, 'webhook');
      const rawBody = webhookBody(message, now);
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const reply = await postJson(
        url,
        rawBody,
        {
          'x-steady-delivery': message.deliveryId,
          'x-steady-timestamp': timestamp,
          'x-steady-signature': webhookSignature(secret, timestamp, rawBody),
        },
        http,
      );
      throwIfTransientStatus(reply, now, 'webhook');
      throwIfNotOk(reply, 'webhook');
      return { delivered: true };
    },
  };
}
