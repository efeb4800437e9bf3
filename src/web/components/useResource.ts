import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  /** The latest answer for the current inputs (undefined until the first one arrives). */
  data: T | undefined;
  error: unknown;
  /** Nothing to show yet for the current inputs: the first load, or the inputs changed. */
  loading: boolean;
  /** A reload is under way; the data it replaces stays shown (no spinner, no flicker). */
  refreshing: boolean;
  /** Loads again, keeping the data shown; calls that arrive while one is under way make one more. */
  reload: () => void;
}

/**
 * The one data hook of the web app: loads when `deps` change, reloads quietly on demand (after an
 * action, on a live event), drops stale answers and coalesces bursts of reloads into one request.
 */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [refreshing, setRefreshing] = useState(false);
  const latest = useRef(0);
  const inFlight = useRef(false);
  const queued = useRef(false);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  const run = useCallback(() => {
    const call = ++latest.current;
    inFlight.current = true;
    const settle = (apply: () => void) => {
      if (call !== latest.current) return;
      apply();
      setLoading(false);
      inFlight.current = false;
      if (queued.current) {
        queued.current = false;
        run();
      } else {
        setRefreshing(false);
      }
    };
    loader.current().then(
      (value) =>
        settle(() => {
          setData(value);
          setError(null);
        }),
      (err: unknown) => settle(() => setError(err)),
    );
  }, []);

  useEffect(() => {
    queued.current = false;
    setLoading(true);
    setRefreshing(false);
    setData(undefined);
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const reload = useCallback(() => {
    setRefreshing(true);
    if (inFlight.current) queued.current = true;
    else run();
  }, [run]);

  return { data, error, loading, refreshing, reload };
}

/** The current time, ticking every `ms` (for countdowns). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
