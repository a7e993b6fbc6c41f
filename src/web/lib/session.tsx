// Who is signed in, restored from GET /api/session on load; keeps the CSRF token for the API client.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { api, setCsrfToken, type Me } from '../api/client';
import { call, type ApiProblem } from '../api/result';

export interface Session {
  isLoading: boolean;
  me: Me | null;
  signIn(session: { csrfToken: string; member: Me }): void;
  updateMe(member: Me): void;
  refresh(): Promise<void>;
  signOut(): Promise<ApiProblem | null>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [isLoading, setLoading] = useState(true);
  const [me, setMe] = useState<Me | null>(null);

  const signIn = useCallback((session: { csrfToken: string; member: Me }) => {
    setCsrfToken(session.csrfToken);
    setMe(session.member);
  }, []);

  const refresh = useCallback(async () => {
    const result = await call(api.GET('/api/session'));
    if (result.ok) signIn(result.data);
    else if (result.problem.status === 401) {
      setCsrfToken(null);
      setMe(null);
    }
    setLoading(false);
  }, [signIn]);

  const signOut = useCallback(async () => {
    const result = await call(api.DELETE('/api/session'));
    // A session that is already gone counts as signed out.
    if (!result.ok && result.problem.status !== 401) return result.problem;
    setCsrfToken(null);
    setMe(null);
    return null;
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<Session>(() => ({ isLoading, me, signIn, updateMe: setMe, refresh, signOut }), [isLoading, me, signIn, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

export function isStaff(me: Me | null): boolean {
  return me?.role === 'admin' || me?.role === 'moderator';
}
