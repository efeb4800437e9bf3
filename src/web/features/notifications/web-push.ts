/**
 * Subscribing this browser to Web Push: the service worker (/sw.js) shows the notification; the
 * subscription is saved as a contact method. Nothing here runs until the person asks.
 */
import { channelsApi } from '../channels/api.js';

export type PushOutcome =
  | { ok: true; subscription: { endpoint: string; keys: { p256dh: string; auth: string } }; device: string }
  | { ok: false; reason: 'unsupported' | 'off' | 'denied' };

const fromBase64Url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** "Chrome · Android": enough for the person to tell their devices apart, nothing more. */
function deviceName(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return system ? `${browser} · ${system}` : browser;
}

export async function subscribeThisDevice(): Promise<PushOutcome> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return { ok: false, reason: 'unsupported' };
  const { publicKey } = await channelsApi.webPushKey();
  if (!publicKey) return { ok: false, reason: 'off' };
  if ((await Notification.requestPermission()) !== 'granted') return { ok: false, reason: 'denied' };
  const registration = await navigator.serviceWorker.register('/sw.js');
  await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: fromBase64Url(publicKey),
  });
  const json = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
  return { ok: true, subscription: { endpoint: json.endpoint, keys: json.keys }, device: deviceName() };
}
