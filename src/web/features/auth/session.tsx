import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../../../common/schemas/auth.js';
import { ApiError, onUnauthorized, setCsrfToken } from '../../api/client.js';
import { authApi, setupApi } from '../../api/endpoints.js';
import { forgetSession, lastSession, rememberSession } from '../../offline/session-cache.js';

/** Where the visitor stands: still checking, first run, signed out, or signed in as `me`. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'setup' }
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; me: Me };

interface Session {
  state: SessionState;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    rememberSession(me);
    setState({ status: 'signedIn', me });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const { needed } = await setupApi.status();
      if (needed) {
        setState({ status: 'setup' });
        return;
      }
      signedIn(await authApi.me());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        forgetSession();
        setState({ status: 'signedOut', expired: false });
      } else if (error instanceof ApiError) {
        // Offline: open as the person last signed in here, so queued writes and saved lists stay at hand.
        const saved = error.status === 0 ? await lastSession() : null;
        if (saved) signedIn(saved);
        else setState({ status: 'unreachable', error });
      } else {
        throw error;
      }
    }
  }, [signedIn]);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      forgetSession();
      setState({ status: 'signedOut', expired: false });
    }
  }, []);

  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken(null);
      forgetSession();
      setState({ status: 'signedOut', expired: true });
    });
    void refresh();
    return () => onUnauthorized(null);
  }, [refresh]);

  const value = useMemo(() => ({ state, signedIn, signOut, refresh }), [state, signedIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for screens rendered behind the sign-in gate. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe needs a signed-in session');
  return state.me;
}
