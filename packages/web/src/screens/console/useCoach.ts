/**
 * The draft coach in the browser: the same core the server uses, loaded on first use with the data
 * of the conversation's language only (each language is a chunk of its own, and only agents
 * drafting replies need one), one coach per language per tab. Checks run ~150 ms after the agent
 * stops typing, with no request, so advice keeps up with the keyboard.
 */
import type { DraftCoach, DraftContext, Finding, Language } from '@calmline/core';
import { useEffect, useState } from 'react';

const coaches = new Map<Language, Promise<DraftCoach>>();

function loadCoach(lang: Language): Promise<DraftCoach> {
  let coach = coaches.get(lang);
  if (!coach) {
    coach = import('@calmline/core/lazy').then(async (core) => {
      await core.loadLanguages([lang]);
      return core.createCoach();
    });
    coaches.set(lang, coach);
    // A failed load (network) may be retried on the next check.
    coach.catch(() => coaches.delete(lang));
  }
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
      void loadCoach(context.lang)
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
