/**
 * Who is signed in. Loads /api/me once; any 401 later (an expired session) shows the sign-in page
 * again. `can(permission)` uses the permissions the server lists for the role, so the UI never
 * keeps its own copy of the role table.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, get, onSignedOut, post } from '../api/client';
import type { Me } from '../api/types';

interface Session {
  me: Me | null;
  loading: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
  can: (permission: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      setMe(await get<Me>('/api/me'));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onSignedOut(() => setMe(null));
  }, [refresh]);

  const value: Session = {
    me,
    loading,
    refresh,
    signIn: async (email, password) => {
      await post('/api/auth/login', { email, password });
      await refresh();
    },
    signOut: async () => {
      try {
        await post('/api/auth/logout');
      } finally {
        setMe(null);
      }
    },
    can: (permission) => me?.permissions.includes(permission) ?? false,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
