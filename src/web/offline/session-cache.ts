import type { Me } from '../../common/schemas/auth.js';
import { offlineStore, outbox } from './outbox-browser.js';

/** The session is kept under no one's name: it is what says whose the rest is. */
const KEY = { owner: '', cacheKey: 'session.me' };

/**
 * The signed-in person as the server last described them, so that a page reopened without network
 * still opens as them (the session cookie is still theirs; the server checks it when the network is back).
 */
export async function lastSession(): Promise<Me | null> {
  try {
    return (await offlineStore.readCache<Me | null>(KEY.owner, KEY.cacheKey))?.value ?? null;
  } catch {
    return null;
  }
}

/** Signed in: their writes are queued under their account, and the description kept for offline starts. */
export function rememberSession(me: Me): void {
  void outbox.setOwner(me.accountId);
  void offlineStore.writeCache({ ...KEY, savedAt: new Date().toISOString(), value: me }).catch(() => undefined);
}

/**
 * Signed out (or the session ended): nothing of theirs is sent or shown until they sign in again, and
 * the lists kept for them (visitors, class lists) leave the phone. Their waiting writes stay, to go later.
 */
export function forgetSession(): void {
  const owner = outbox.owner();
  if (owner) void offlineStore.clearCache(owner).catch(() => undefined);
  void outbox.setOwner(null);
  void offlineStore.writeCache({ ...KEY, savedAt: new Date().toISOString(), value: null }).catch(() => undefined);
}
