/**
 * Loads one API resource for a screen: data, the error (with the server's sentence), and reload()
 * for after a change or a live event. A newer load always wins over a slower older one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, get, type ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replace the data locally (e.g. from a live event) without a request. */
  set: (update: (old: T | undefined) => T | undefined) => void;
}

export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    if (path === null) return;
    const mine = ++generation.current;
    setLoading(true);
    try {
      const d = await get<T>(path);
      if (mine === generation.current) {
        setData(d);
        setError(undefined);
      }
    } catch (e) {
      if (mine === generation.current) setError(asApiError(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    setData(undefined);
    void reload();
  }, [reload]);

  return { data, error, loading, reload, set: (update) => setData((old) => update(old)) };
}
