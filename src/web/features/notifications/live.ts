import { useEffect, useRef, useState } from 'react';

/** What the server's live stream says: your inbox changed, or an incident in your units changed. */
export type LiveEvent =
  | { kind: 'notification' }
  | { kind: 'todo' }
  | { kind: 'incident'; incidentId: string }
  | { kind: 'daily-report' }
  | { kind: 'reunification'; reunificationId: string }
  /** A roll call in one of your units was started, marked or closed. */
  | { kind: 'roll-call'; rollCallId: string | null }
  | { kind: 'reconnected' };
export type LiveStatus = 'connecting' | 'open' | 'down';
type Listener = (event: LiveEvent) => void;

const URL = '/api/v1/live';
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/*
 * One EventSource per tab, shared by every screen that listens, opened with the first listener and
 * closed with the last (signing out unmounts them all). The browser reconnects by itself after a
 * dropped connection and sends the last event id it saw, so the server replays what was missed;
 * when the server refused the stream (the source is CLOSED), we reopen it with a growing delay and
 * pass that id ourselves. When the server cannot replay (`resync`: too far back, or it missed
 * events itself), listeners hear `reconnected` and re-read what they show.
 */
const listeners = new Set<Listener>();
const statusListeners = new Set<(status: LiveStatus) => void>();
let source: EventSource | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = RETRY_MIN_MS;
let status: LiveStatus = 'connecting';
let lastEventId = '';

function emit(event: LiveEvent): void {
  for (const listener of [...listeners]) listener(event);
}

function setStatus(next: LiveStatus): void {
  if (status === next) return;
  status = next;
  for (const listener of [...statusListeners]) listener(next);
}

function connect(): void {
  if (source || listeners.size === 0) return;
  const es = new EventSource(lastEventId ? `${URL}?lastEventId=${encodeURIComponent(lastEventId)}` : URL, {
    withCredentials: true,
  });
  source = es;
  es.onopen = () => {
    retryDelay = RETRY_MIN_MS;
    setStatus('open');
  };
  const seen = (message: Event) => {
    const id = (message as MessageEvent<string>).lastEventId;
    if (id) lastEventId = id;
  };
  es.addEventListener('ready', seen);
  es.addEventListener('resync', () => emit({ kind: 'reconnected' }));
  es.addEventListener('notification', (message) => (seen(message), emit({ kind: 'notification' })));
  es.addEventListener('daily-report', (message) => (seen(message), emit({ kind: 'daily-report' })));
  es.addEventListener('todo', (message) => (seen(message), emit({ kind: 'todo' })));
  es.addEventListener('reunification', (message) => {
    seen(message);
    try {
      const data = JSON.parse((message as MessageEvent<string>).data) as { reunificationId?: string };
      if (data.reunificationId) emit({ kind: 'reunification', reunificationId: data.reunificationId });
    } catch {
      // a malformed event: nothing to re-read
    }
  });
  es.addEventListener('roll-call', (message) => {
    seen(message);
    try {
      const data = JSON.parse((message as MessageEvent<string>).data) as { rollCallId?: string };
      emit({ kind: 'roll-call', rollCallId: data.rollCallId ?? null });
    } catch {
      emit({ kind: 'roll-call', rollCallId: null });
    }
  });
  es.addEventListener('incident', (message) => {
    seen(message);
    try {
      const data = JSON.parse((message as MessageEvent<string>).data) as { incidentId?: string };
      if (data.incidentId) emit({ kind: 'incident', incidentId: data.incidentId });
    } catch {
      // a malformed event: nothing to re-read
    }
  });
  es.onerror = () => {
    setStatus('down');
    if (es.readyState !== EventSource.CLOSED) return; // the browser is retrying on its own
    es.close();
    if (source === es) source = null;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  };
}

function disconnect(): void {
  clearTimeout(retryTimer);
  source?.close();
  source = null;
  lastEventId = '';
  retryDelay = RETRY_MIN_MS;
  setStatus('connecting');
}

export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) disconnect();
  };
}

/**
 * Calls `onEvent` for live events (the latest function, without resubscribing), and also every
 * `pollMs` as a slow fallback in case the stream is blocked somewhere on the way.
 */
export function useLive(onEvent: (event: LiveEvent | { kind: 'poll' }) => void, pollMs = 60_000): void {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    const unsubscribe = subscribeLive((event) => latest.current(event));
    const timer = setInterval(() => latest.current({ kind: 'poll' }), pollMs);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [pollMs]);
}

/** Whether the live stream is up, for a small indicator. */
export function useLiveStatus(): LiveStatus {
  const [current, setCurrent] = useState<LiveStatus>(status);
  useEffect(() => {
    statusListeners.add(setCurrent);
    setCurrent(status);
    return () => {
      statusListeners.delete(setCurrent);
    };
  }, []);
  return current;
}
