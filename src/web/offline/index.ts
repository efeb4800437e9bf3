/**
 * The offline outbox and saved answers, for the screens used where the network is weak (the gate log,
 * roll calls, patrols). A write: `sendOrQueue({ key: newIdempotencyKey(), method, path, body, label })`.
 */
import { offlineStore, outbox } from './outbox-browser.js';
import type { OutgoingRequest } from './outbox.js';

export { newIdempotencyKey, type OutboxState, type OutgoingRequest } from './outbox.js';
export type { FailedRequest, QueuedRequest } from './store.js';
export { useOfflineResource, useOutbox, useOutboxSent, usePending, usePendingCount } from './hooks.js';
export type { OfflineResource } from './hooks.js';
export { OutboxStatus, SavedAtNote } from './OutboxStatus.js';

/**
 * Sends now when it can; offline, or when the network or the server (5xx) fails, keeps it on the device
 * and answers 'queued'. A refusal (4xx) is thrown as the api client throws it and is not kept.
 */
export const sendOrQueue = (request: OutgoingRequest): Promise<'sent' | 'queued'> => outbox.sendOrQueue(request);

/** Sends the waiting writes in order now (also done on `online`, at start and on a timer while some wait). */
export const flushOutbox = (): Promise<void> => outbox.flush();

/** Forgets one answer kept on this device for the signed-in person (e.g. a closed reunification's list). */
export async function forgetCached(cacheKey: string): Promise<void> {
  const owner = outbox.owner();
  if (owner) await offlineStore.dropCache(owner, cacheKey).catch(() => undefined);
}
