/**
 * "Hide abusive words": on by default, remembered in this browser. Shielding is the agent's choice;
 * some prefer to read the original to judge tone, most prefer not to.
 */
import { useCallback, useState } from 'react';

const KEY = 'calmline.shield';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true; // Storage disabled: stay shielded.
  }
}

export function useShield(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(read);
  const change = useCallback((next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // Not remembered, but applied for this visit.
    }
  }, []);
  return [on, change];
}
