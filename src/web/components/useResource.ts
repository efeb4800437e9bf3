import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  /** Only the first load: later refreshes keep showing the data they replace. */
  loading: boolean;
  refresh: () => void;
}

/**
 * Loads when `deps` change and refreshes quietly on demand (live updates): no spinner, no flicker,
 * stale answers dropped, and refreshes that arrive in a burst coalesced into one request.
 */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loader = useRef(load);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    loader.current = load;
  });

  const run = useCallback(() => {
    const call = ++latest.current;
    loader.current().then(
      (value) => {
        if (call !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (call !== latest.current) return;
        setError(err);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    setLoading(true);
    setData(undefined);
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => () => clearTimeout(pending.current), []);

  const refresh = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = setTimeout(run, 120);
  }, [run]);

  return { data, error, loading, refresh };
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
