/**
 * The policy as the admin edits it: plain JSON that may be wrong for a moment (an empty number
 * field, 99 warnings). Core's parsePolicy is the judge, the same function the server uses, so the
 * browser refuses exactly what the server would and names the field.
 */
import { parsePolicy, PolicyError } from '@calmline/core';
import type { Policy } from './types';

export type Draft = Record<string, unknown>;

/** Limits of the number fields, for a sentence a person understands (parsePolicy still decides). */
export const NUMBER_LIMITS: Record<string, { min: number; max: number }> = {
  warningsBeforeEnd: { min: 1, max: 5 },
  calmMessagesToStepDown: { min: 1, max: 20 },
  'wellbeing.windowHours': { min: 1, max: 168 },
  'wellbeing.abuseContacts': { min: 1, max: 100 },
  'wellbeing.threatContacts': { min: 1, max: 100 },
  'wellbeing.selfHarmContacts': { min: 1, max: 100 },
  'wellbeing.breakMinutes': { min: 1, max: 120 },
};

export function draftOf(policy: Policy): Draft {
  return structuredClone(policy);
}

export function getAt(draft: Draft, path: string): unknown {
  let at: unknown = draft;
  for (const key of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** A copy with one value changed; `undefined` removes the key (an empty crisis line means "use the placeholder"). */
export function setAt(draft: Draft, path: string, value: unknown): Draft {
  const next = structuredClone(draft);
  const keys = path.split('.');
  const last = keys.pop()!;
  let at: Record<string, unknown> = next;
  for (const key of keys) {
    const child = at[key];
    at = (child !== null && typeof child === 'object' ? child : (at[key] = {})) as Record<string, unknown>;
  }
  if (value === undefined) delete at[last];
  else at[last] = value;
  return next;
}

export interface Checked {
  /** The valid policy (defaults filled in), or null while something is wrong. */
  policy: Policy | null;
  /** Problems by dotted field path, as parsePolicy names them. */
  issues: Map<string, string>;
}

export function check(draft: Draft): Checked {
  try {
    return { policy: parsePolicy(draft), issues: new Map() };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    return { policy: null, issues: new Map(e.issues.map((i) => [i.field, i.message])) };
  }
}
