/**
 * Puts the coach's better wording into the draft. The flagged span is replaced; a missing
 * acknowledgement flags the whole draft, so the acknowledgement goes in front and the agent's
 * answer stays. When the better wording is a whole sentence, punctuation that followed the span
 * ("Calm down, …") is dropped so the draft does not read ".,".
 */
import type { Finding } from '@calmline/core';

export function applyFinding(draft: string, f: Pick<Finding, 'kind' | 'start' | 'end' | 'better'>): string {
  if (f.kind === 'missing_acknowledgement') return `${f.better} ${draft.trimStart()}`;
  let end = f.end;
  if (/[.!?。！？]$/.test(f.better) && /^[,.;:!?，。；：！？]/.test(draft.slice(end))) end += 1;
  return draft.slice(0, f.start) + f.better + draft.slice(end);
}
