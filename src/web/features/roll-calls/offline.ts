import { useEffect, useState } from 'react';
import { ApiError, request } from '../../api/client.js';
import { useResource, type Resource } from '../../components/useResource.js';

/*
 * Stand-in for the app's offline layer (src/web/offline, being built beside this screen): the same
 * calls, kept small, so the roll call works before it lands and switches to it by changing this file.
 */

const OUTBOX = 'steady.outbox';
const CACHE = 'steady.cache.';

interface Queued {
  key: string;
  method: string;
  path: string;
  body: unknown;
  label: string;
}

const listeners = new Set<() => void>();
const readQueue = (): Queued[] => JSON.parse(localStorage.getItem(OUTBOX) ?? '[]') as Queued[];
const writeQueue = (items: Queued[]) => {
  localStorage.setItem(OUTBOX, JSON.stringify(items));
  listeners.forEach((l) => l());
};

const isNetworkError = (error: unknown) => error instanceof ApiError && error.status === 0;

/** Sends now when the network allows, else keeps the request to send when it returns. */
export async function sendOrQueue(item: Queued): Promise<'sent' | 'queued'> {
  if (navigator.onLine) {
    try {
      await request(item.method, item.path, { body: item.body });
      return 'sent';
    } catch (error) {
      if (!isNetworkError(error)) throw error;
    }
  }
  writeQueue([...readQueue().filter((q) => q.key !== item.key), item]);
  return 'queued';
}

let flushing: Promise<void> | null = null;

/** Sends what waits, in order; stops at the first network failure (the rest waits for the next try). */
export function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    try {
      for (const item of readQueue()) {
        try {
          await request(item.method, item.path, { body: item.body });
        } catch (error) {
          if (isNetworkError(error)) return;
        }
        writeQueue(readQueue().filter((q) => q.key !== item.key));
      }
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

if (typeof window !== 'undefined') window.addEventListener('online', () => void flushOutbox());

/** How many requests wait to be sent. */
export function usePendingCount(): number {
  const [count, setCount] = useState(() => readQueue().length);
  useEffect(() => {
    const update = () => setCount(readQueue().length);
    listeners.add(update);
    update();
    return () => void listeners.delete(update);
  }, []);
  return count;
}

/** `useResource` that keeps its last answer on the device and shows it when the network is down. */
export function useOfflineResource<T>(cacheKey: string, load: () => Promise<T>, deps: unknown[]): Resource<T> {
  return useResource(async () => {
    try {
      const value = await load();
      localStorage.setItem(CACHE + cacheKey, JSON.stringify(value));
      return value;
    } catch (error) {
      const cached = isNetworkError(error) ? localStorage.getItem(CACHE + cacheKey) : null;
      if (cached) return JSON.parse(cached) as T;
      throw error;
    }
  }, [cacheKey, ...deps]);
}
