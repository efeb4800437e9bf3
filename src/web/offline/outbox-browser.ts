import { ApiError, request } from '../api/client.js';
import { createOutbox, type OutgoingRequest } from './outbox.js';
import { indexedDbStore, memoryStore, type OutboxStore } from './store.js';

/** How often waiting writes are tried again while the phone believes it is online. */
const RETRY_MS = 15_000;

const store: OutboxStore = typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore();

/** The app's one outbox, sending through the api client with the request's idempotency key. */
export const outbox = createOutbox({
  store,
  send: (r: OutgoingRequest) =>
    request<unknown>(r.method, r.path, { body: r.body ?? {}, headers: { 'Idempotency-Key': r.key } }),
  statusOf: (error) => (error instanceof ApiError ? error.status : 0),
  reasonOf: (error) => (error instanceof ApiError ? error.message : String(error)),
  isOnline: () => navigator.onLine,
  now: () => new Date(),
});

export const offlineStore = store;

/**
 * Starts sending the signed-in person's writes (the session names them): at once, whenever the browser
 * comes back online, and on a timer while writes wait. Answers the function that stops it.
 */
export function startOutbox(): () => void {
  const online = () => {
    outbox.setOnline(true);
    void outbox.flush();
  };
  const offline = () => outbox.setOnline(false);
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  const timer = setInterval(() => {
    if (outbox.state().pending.length > 0 && navigator.onLine) void outbox.flush();
  }, RETRY_MS);
  outbox.setOnline(navigator.onLine);
  void outbox.flush();
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    clearInterval(timer);
  };
}
