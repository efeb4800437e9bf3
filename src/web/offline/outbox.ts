import type { FailedRequest, OutboxStore, QueuedRequest } from './store.js';

/** What a screen asks the outbox to send. */
export interface OutgoingRequest {
  /** Idempotency key made on the device (`newIdempotencyKey()`): sent twice, it is stored once. */
  key: string;
  method: QueuedRequest['method'];
  /** The API path below /api/v1. */
  path: string;
  body?: unknown;
  /** A short line for the waiting and failed lists, in the user's language ("check-in: 王伟"). */
  label: string;
}

/** What the outbox shows: the writes waiting, those refused, and whether it is sending now. */
export interface OutboxState {
  online: boolean;
  sending: boolean;
  pending: readonly QueuedRequest[];
  failed: readonly FailedRequest[];
}

/** How a send went: `ok`, or the HTTP status (0 when the network failed) and the server's reason. */
export type SendOutcome = { ok: true } | { ok: false; status: number; reason: string };

export interface OutboxDeps {
  store: OutboxStore;
  /** Sends one request with its key; throws what the api client throws. */
  send: (request: OutgoingRequest) => Promise<unknown>;
  /** Reads the HTTP status off what `send` threw (0: the network failed). */
  statusOf: (error: unknown) => number;
  reasonOf: (error: unknown) => string;
  isOnline: () => boolean;
  now: () => Date;
}

/** Statuses that say "not now" rather than "never": the write stays queued and is tried again. */
const RETRY = new Set([0, 401, 408, 425, 429]);

export const willRetry = (status: number) => RETRY.has(status) || status >= 500;

export type Outbox = ReturnType<typeof createOutbox>;

/**
 * The offline outbox: a write goes now when it can, else waits in the store and is sent, in the order
 * queued, when the network returns. A write the server refuses (4xx) leaves the queue for the failed list.
 */
export function createOutbox(deps: OutboxDeps) {
  let owner: string | null = null;
  let state: OutboxState = { online: deps.isOnline(), sending: false, pending: [], failed: [] };
  let flushing: Promise<void> | null = null;
  let seq = 0;
  const listeners = new Set<() => void>();
  const sentListeners = new Set<(request: QueuedRequest) => void>();

  const set = (changes: Partial<OutboxState>) => {
    state = { ...state, ...changes };
    for (const listener of listeners) listener();
  };

  async function refresh(): Promise<void> {
    if (!owner) return set({ pending: [], failed: [] });
    const [pending, failed] = await Promise.all([deps.store.queued(owner), deps.store.failed(owner)]);
    set({ pending, failed });
  }

  async function enqueue(request: OutgoingRequest, who: string): Promise<void> {
    await deps.store.put({ ...request, owner: who, queuedAt: deps.now().toISOString(), seq: seq++ });
    await refresh();
  }

  async function flushNow(): Promise<void> {
    const who = owner;
    if (!who) return;
    set({ sending: true });
    try {
      for (const request of await deps.store.queued(who)) {
        if (!deps.isOnline() || owner !== who) break;
        try {
          await deps.send(request);
          await deps.store.remove(request.key);
          for (const listener of sentListeners) listener(request);
        } catch (error) {
          const status = deps.statusOf(error);
          // Keep the order: nothing after a write that could not go yet overtakes it.
          if (willRetry(status)) break;
          const failedAt = deps.now().toISOString();
          await deps.store.fail({ ...request, failedAt, status, reason: deps.reasonOf(error) });
          for (const listener of sentListeners) listener(request);
        }
        await refresh();
      }
    } finally {
      await refresh();
      set({ sending: false });
    }
  }

  return {
    /** Sends now when it can; offline, or when the network or server fails, stores it and answers 'queued'. */
    async sendOrQueue(request: OutgoingRequest): Promise<'sent' | 'queued'> {
      const who = owner;
      // Nothing may overtake writes still waiting: behind them it goes, and the queue is sent at once.
      // Read from the store, not the shown state: at start the state may not have loaded yet.
      const waiting = who !== null && (await deps.store.queued(who)).length > 0;
      if (who && (waiting || !deps.isOnline())) {
        await enqueue(request, who);
        if (deps.isOnline()) void this.flush();
        return 'queued';
      }
      try {
        await deps.send(request);
        return 'sent';
      } catch (error) {
        const status = deps.statusOf(error);
        if (!who || !willRetry(status) || status === 401) throw error;
        await enqueue(request, who);
        return 'queued';
      }
    },

    /** Sends what waits, in order; a second call while one runs waits for it. */
    flush(): Promise<void> {
      flushing ??= flushNow().finally(() => {
        flushing = null;
      });
      return flushing;
    },

    /** The signed-in person whose writes are queued and sent; null when signed out. */
    async setOwner(person: string | null): Promise<void> {
      owner = person;
      await refresh();
    },

    setOnline(online: boolean): void {
      set({ online });
    },

    async dismissFailed(key: string): Promise<void> {
      await deps.store.dismiss(key);
      await refresh();
    },

    state: (): OutboxState => state,

    owner: (): string | null => owner,

    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Called after a queued write has reached the server, stored or refused (a screen reloads what it shows). */
    onSent(listener: (request: QueuedRequest) => void): () => void {
      sentListeners.add(listener);
      return () => sentListeners.delete(listener);
    },
  };
}

/** A UUID made on the device (v4), also where `crypto.randomUUID` is missing (plain http on a LAN address). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
