/**
 * The draft coach in the browser: the same core the server uses, loaded on first use (its language
 * data is large, and only agents drafting replies need it) and created once per tab. Checks run
 * ~150 ms after the agent stops typing, with no request, so advice keeps up with the keyboard.
 */
import type { DraftCoach, DraftContext, Finding } from '@calmline/core';
import { useEffect, useState } from 'react';

let coach: Promise<DraftCoach> | undefined;

function loadCoach(): Promise<DraftCoach> {
  coach ??= import('@calmline/core').then((core) => core.createCoach());
  // A failed load (network) may be retried on the next check.
  coach.catch(() => (coach = undefined));
  return coach;
}

const DEBOUNCE_MS = 150;

export interface Checked {
  /** The draft these findings are about: applying a fix only makes sense to this exact text. */
  draft: string;
  findings: Finding[];
}

export function useCoach(draft: string, context: DraftContext | null): Checked {
  const [checked, setChecked] = useState<Checked>({ draft: '', findings: [] });
  // The context is rebuilt on every render; compare its content, not its identity.
  const key = JSON.stringify(context);

  useEffect(() => {
    if (!context || draft.trim() === '') {
      setChecked({ draft, findings: [] });
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      void loadCoach()
        .then((c) => {
          if (!cancelled) setChecked({ draft, findings: c.check(draft, context) });
        })
        .catch(() => {
          // Without the coach the agent can still write and send; nothing to show.
        });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [draft, key]);

  return checked;
}
