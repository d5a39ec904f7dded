/**
 * Runs one change against the API for a form or button: busy while it runs, the server's error
 * kept for an ErrorNote, and the result handed back so the caller can show it (a secret, a row).
 */
import { useCallback, useState } from 'react';
import { asApiError, type ApiError } from '../api/client';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (e) {
      setError(asApiError(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  return { run, busy, error, clearError: () => setError(undefined) };
}
