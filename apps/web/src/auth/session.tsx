/** The signed-in user for the whole app: restored from the session cookie, set by the login. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken } from '../api/client.ts';
import { auth } from '../api/endpoints.ts';
import type { SessionUser } from '../api/types.ts';

interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let active = true;
    auth
      .me()
      .then((s) => {
        if (!active) return;
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.warn('session check failed', error);
      })
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const s = await auth.login(email, password);
    setCsrfToken(s.csrfToken);
    setUser(s.user);
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, loading, login, logout }), [user, loading, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

export const isPlannerRole = (user: SessionUser | null) =>
  !!user && (user.role === 'admin' || user.role === 'planner' || user.role === 'team-leader');
