/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) through the `web-push` package: the payload is
 * encrypted for the browser (RFC 8291) and the push service is told who we are by a signed JWT.
 * An extra method only: the push service Chrome uses is not reachable from mainland China.
 */
import webpush from 'web-push';
import type { Agent } from 'node:https';
import { addressFor, PermanentDeliveryError, TransientDeliveryError } from './channel.js';
import type { Channel, SendResult } from './channel.js';
import { partsOf } from './compose.js';
import { requireAccount, type VendorSettingsSource } from './vendor-settings.js';

/** An alert older than its deadline is no use; the push service may drop it after an hour. */
const TTL_SECONDS = 3600;

export function webPushChannel(
  settings: VendorSettingsSource,
  subject: string,
  timeoutMs: number,
  agent?: Agent,
): Channel {
  return {
    name: 'web_push',
    async send(address, message): Promise<SendResult> {
      const { subscription } = addressFor(address, 'web_push');
      const { config, secrets } = await requireAccount(settings, 'web_push');
      if (!config.publicKey)
        throw new PermanentDeliveryError('web_push: no VAPID public key', undefined, 'not_configured');
      const parts = partsOf(message);
      const payload = JSON.stringify({
        title: parts.title,
        body: [...parts.lead, message.body].join('\n'),
        url: message.ack?.url ?? message.link ?? '/',
        tag: message.deliveryId,
      });
      try {
        const answer = await webpush.sendNotification(subscription, payload, {
          vapidDetails: { subject, publicKey: config.publicKey, privateKey: secrets.privateKey },
          TTL: TTL_SECONDS,
          urgency: message.template === 'alert' ? 'high' : 'normal',
          timeout: timeoutMs,
          ...(agent ? { agent } : {}),
        });
        return { providerId: answer.headers.location, vendor: 'web_push', delivered: true };
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        const text = `web_push: ${status ? `HTTP ${status}` : (error as Error).message}`;
        // 404 and 410: the subscription is gone (the person removed it or reinstalled); it will not come back.
        if (status !== undefined && status !== 429 && status < 500)
          throw new PermanentDeliveryError(text, { cause: error }, String(status));
        throw new TransientDeliveryError(text, undefined, { cause: error }, status ? String(status) : undefined);
      }
    },
  };
}

/** A fresh VAPID key pair (P-256), generated when an administrator turns Web Push on. */
export const newVapidKeys = (): { publicKey: string; privateKey: string } => webpush.generateVAPIDKeys();
