import { useEffect, useRef, useSyncExternalStore } from 'react';
import { ApiError } from '../api/client.js';
import { useResource, type Resource } from '../components/useResource.js';
import { offlineStore, outbox } from './outbox-browser.js';
import { willRetry, type OutboxState } from './outbox.js';
import type { QueuedRequest } from './store.js';

/** The outbox as the screens see it; re-renders on every change. */
export function useOutbox(): OutboxState {
  return useSyncExternalStore(outbox.subscribe, outbox.state);
}

/** How many writes wait to be sent. */
export function usePendingCount(): number {
  return useOutbox().pending.length;
}

/** The waiting writes to one path (e.g. `/visitors`), oldest first: a screen shows them as "waiting". */
export function usePending(path: string): QueuedRequest[] {
  return useOutbox().pending.filter((request) => request.path === path);
}

/** Calls `listener` each time a queued write has reached the server, stored or refused (to reload). */
export function useOutboxSent(listener: (request: QueuedRequest) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => outbox.onSent((request) => latest.current(request)), []);
}

export interface OfflineResource<T> extends Resource<T> {
  /** When the shown answer was saved on this device (ISO); null while it is the server's fresh answer. */
  savedAt: string | null;
}

const unreachable = (error: unknown) => !(error instanceof ApiError) || willRetry(error.status);

/**
 * `useResource` that keeps the last good answer on the device (IndexedDB, per signed-in person) and
 * shows it, with the time it was saved, when the network or the server is gone. Loads again when the
 * browser comes back online. `cacheKey` names the answer (`visitors.inside:<unit>`); null keeps nothing.
 */
export function useOfflineResource<T>(
  cacheKey: string | null,
  load: () => Promise<T>,
  deps: unknown[],
): OfflineResource<T> {
  const resource = useResource(async () => {
    const owner = outbox.owner();
    try {
      const value = await load();
      if (cacheKey && owner) {
        void offlineStore.writeCache({ cacheKey, owner, savedAt: new Date().toISOString(), value });
      }
      return { value, savedAt: null as string | null };
    } catch (error) {
      if (!cacheKey || !owner || !unreachable(error)) throw error;
      const saved = await offlineStore.readCache<T>(owner, cacheKey);
      if (!saved) throw error;
      return { value: saved.value, savedAt: saved.savedAt };
    }
  }, [cacheKey, ...deps]);
  const { reload } = resource;
  useEffect(() => {
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [reload]);
  return { ...resource, data: resource.data?.value, savedAt: resource.data?.savedAt ?? null };
}
