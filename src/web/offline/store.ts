import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** A write waiting to be sent: everything needed to send it again later, as it was asked for. */
export interface QueuedRequest {
  /** The idempotency key made on the device; the server stores it and never stores the write twice. */
  key: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The API path below /api/v1, e.g. `/visitors`. */
  path: string;
  body?: unknown;
  /** What the user sees in the list of waiting or failed writes (already in their language). */
  label: string;
  /** The person signed in when it was queued: only their session sends it. */
  owner: string;
  /** ISO time on the device; the queue is sent in this order. */
  queuedAt: string;
  /** Sending order among requests queued in the same millisecond. */
  seq: number;
}

/** A queued write the server refused (4xx): kept so the user can see what did not go through. */
export interface FailedRequest extends QueuedRequest {
  failedAt: string;
  status: number;
  /** The server's reason, in the user's language. */
  reason: string;
}

/** The last good answer of a read, shown when the network is gone. */
export interface CachedAnswer<T = unknown> {
  cacheKey: string;
  owner: string;
  savedAt: string;
  value: T;
}

/** Where the outbox keeps its requests: IndexedDB in the browser, a map in the unit tests. */
export interface OutboxStore {
  queued(owner: string): Promise<QueuedRequest[]>;
  put(request: QueuedRequest): Promise<void>;
  remove(key: string): Promise<void>;
  /** Moves a refused request from the queue to the failed list in one step. */
  fail(request: FailedRequest): Promise<void>;
  failed(owner: string): Promise<FailedRequest[]>;
  dismiss(key: string): Promise<void>;
  readCache<T>(owner: string, cacheKey: string): Promise<CachedAnswer<T> | undefined>;
  writeCache<T>(answer: CachedAnswer<T>): Promise<void>;
  /** Removes every answer kept for `owner` (signing out: personal data does not stay on the phone). */
  clearCache(owner: string): Promise<void>;
  /** Removes one answer kept for `owner` (a list that must not outlive what it is for). */
  dropCache(owner: string, cacheKey: string): Promise<void>;
}

interface OfflineSchema extends DBSchema {
  outbox: { key: string; value: QueuedRequest; indexes: { owner: string } };
  failed: { key: string; value: FailedRequest; indexes: { owner: string } };
  cache: { key: [string, string]; value: CachedAnswer };
}

const DB_NAME = 'steady-offline';

const byOrder = (a: QueuedRequest, b: QueuedRequest) => a.queuedAt.localeCompare(b.queuedAt) || a.seq - b.seq;

/** The browser's store: one IndexedDB database with the queue, the failed list and the read cache. */
export function indexedDbStore(): OutboxStore {
  let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;
  const db = () =>
    (opened ??= openDB<OfflineSchema>(DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('outbox', { keyPath: 'key' }).createIndex('owner', 'owner');
        database.createObjectStore('failed', { keyPath: 'key' }).createIndex('owner', 'owner');
        database.createObjectStore('cache', { keyPath: ['owner', 'cacheKey'] });
      },
    }));
  return {
    async queued(owner) {
      return (await (await db()).getAllFromIndex('outbox', 'owner', owner)).sort(byOrder);
    },
    async put(request) {
      await (await db()).put('outbox', request);
    },
    async remove(key) {
      await (await db()).delete('outbox', key);
    },
    async fail(request) {
      const tx = (await db()).transaction(['outbox', 'failed'], 'readwrite');
      await Promise.all([tx.objectStore('outbox').delete(request.key), tx.objectStore('failed').put(request), tx.done]);
    },
    async failed(owner) {
      const rows = await (await db()).getAllFromIndex('failed', 'owner', owner);
      return rows.sort((a, b) => b.failedAt.localeCompare(a.failedAt));
    },
    async dismiss(key) {
      await (await db()).delete('failed', key);
    },
    async readCache<T>(owner: string, cacheKey: string) {
      return (await (await db()).get('cache', [owner, cacheKey])) as CachedAnswer<T> | undefined;
    },
    async writeCache(answer) {
      await (await db()).put('cache', answer);
    },
    async clearCache(owner) {
      await (await db()).delete('cache', IDBKeyRange.bound([owner, ''], [owner, '\uffff']));
    },
    async dropCache(owner, cacheKey) {
      await (await db()).delete('cache', [owner, cacheKey]);
    },
  };
}

/** The same contract in memory, for tests and for browsers without IndexedDB (private modes). */
export function memoryStore(): OutboxStore {
  const outbox = new Map<string, QueuedRequest>();
  const failed = new Map<string, FailedRequest>();
  const cache = new Map<string, CachedAnswer>();
  return {
    queued: async (owner) => [...outbox.values()].filter((r) => r.owner === owner).sort(byOrder),
    put: async (request) => void outbox.set(request.key, structuredClone(request)),
    remove: async (key) => void outbox.delete(key),
    fail: async (request) => {
      outbox.delete(request.key);
      failed.set(request.key, structuredClone(request));
    },
    failed: async (owner) =>
      [...failed.values()].filter((r) => r.owner === owner).sort((a, b) => b.failedAt.localeCompare(a.failedAt)),
    dismiss: async (key) => void failed.delete(key),
    readCache: async <T>(owner: string, cacheKey: string) =>
      cache.get(`${owner}\n${cacheKey}`) as CachedAnswer<T> | undefined,
    writeCache: async (answer) => void cache.set(`${answer.owner}\n${answer.cacheKey}`, structuredClone(answer)),
    clearCache: async (owner) => {
      for (const key of [...cache.keys()]) if (key.startsWith(`${owner}\n`)) cache.delete(key);
    },
    dropCache: async (owner, cacheKey) => void cache.delete(`${owner}\n${cacheKey}`),
  };
}
