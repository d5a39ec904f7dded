/**
 * The policy as the admin edits it: plain JSON that may be wrong for a moment (an empty number
 * field, 99 warnings). Core's parsePolicy is the judge, the same function the server uses, so the
 * browser refuses exactly what the server would and names the field.
 */
import { parsePolicy, PolicyError, type PolicyIssue } from '@calmline/core/policy';
import type { ApiError } from '../../api/client';
import type { Policy } from './types';

export type Draft = Record<string, unknown>;

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

/** Problems by dotted field path, as parsePolicy names them (one per field). */
export type Issues = Map<string, PolicyIssue>;

export interface Checked {
  /** The valid policy (defaults filled in), or null while something is wrong. */
  policy: Policy | null;
  issues: Issues;
}

export function check(draft: Draft): Checked {
  try {
    return { policy: parsePolicy(draft), issues: new Map() };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    return { policy: null, issues: new Map(e.issues.map((i) => [i.field, i])) };
  }
}

/**
 * The problems in a policy the server refused, when it names them (`body.<field>` with a code), so
 * they show at their fields like the browser's own; undefined for any other failure. The browser
 * checks with the same function first, so this matters when a server runs a newer schema.
 */
export function refusedIssues(error: ApiError | undefined): Issues | undefined {
  if (error?.id !== 'validation_failed' || !Array.isArray(error.details)) return undefined;
  const issues: Issues = new Map();
  for (const d of error.details as Record<string, unknown>[]) {
    if (typeof d?.field !== 'string' || typeof d.code !== 'string' || typeof d.problem !== 'string') continue;
    const { field, problem, ...rest } = d;
    const path = field.replace(/^body\.?/, '') || '(policy)';
    issues.set(path, { ...(rest as Omit<PolicyIssue, 'field' | 'message'>), field: path, message: problem });
  }
  return issues.size > 0 ? issues : undefined;
}
