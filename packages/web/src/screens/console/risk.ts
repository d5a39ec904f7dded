/**
 * How a label looks wherever risk is shown: colour deepens with harm, and red is kept for abuse and
 * worse so it keeps its meaning. Light badges carry text at shade 9 so they stay readable on white.
 */
import type { Label } from '../../api/types';

export interface RiskLook {
  color: string;
  variant: 'light' | 'filled';
  /** Text colour for light badges (contrast on the pale background). */
  c?: string;
}

const LOOKS: Record<Label, RiskLook> = {
  none: { color: 'gray', variant: 'light', c: 'gray.9' },
  frustration: { color: 'yellow', variant: 'light', c: 'yellow.9' },
  profanity: { color: 'orange', variant: 'light', c: 'orange.9' },
  abuse: { color: 'red', variant: 'light', c: 'red.9' },
  threat: { color: 'red.9', variant: 'filled' },
  self_harm: { color: 'red.9', variant: 'filled' },
};

export function riskLook(label: Label): RiskLook {
  return LOOKS[label];
}

/** Contacts after which a break is offered (the same set the server counts as exposure). */
export const HARD_LABELS: ReadonlySet<Label> = new Set<Label>(['abuse', 'threat', 'self_harm']);
