/**
 * @module commands/alertRules
 * Which alerts a customer message or an agent action raises. Pure: the store side is in
 * alertRaiser. One unresolved alert per conversation and kind; a worse message raises its severity.
 */
import type { Label, RecommendedAction } from '@calmline/core';
import type { AlertKind, AlertSeverity } from '../store/types.js';

export interface AlertSpec {
  kind: AlertKind;
  severity: AlertSeverity;
  /** A code the UI translates: the label or the protocol's reason. */
  reason: string;
}

const RANK: Record<AlertSeverity, number> = { medium: 1, high: 2, critical: 3 };

/** @example isWorse('critical', 'high') // true */
export function isWorse(a: AlertSeverity, b: AlertSeverity): boolean {
  return RANK[a] > RANK[b];
}

/**
 * Threats and self-harm are critical at once; abuse is medium, and high once the protocol says
 * the warnings are used up (end the contact or hand it over).
 * @example alertsForMessage('threat', [])[0].kind // 'threat'
 */
export function alertsForMessage(label: Label, actions: readonly RecommendedAction[]): AlertSpec[] {
  switch (label) {
    case 'threat':
      return [{ kind: 'threat', severity: 'critical', reason: 'threat' }];
    case 'self_harm':
      return [{ kind: 'self_harm', severity: 'critical', reason: 'self_harm' }];
    case 'abuse': {
      const past = actions.some((a) => a.reason === 'abuse_after_final_warning');
      return [{ kind: 'abuse', severity: past ? 'high' : 'medium', reason: past ? 'abuse_after_final_warning' : 'abuse' }];
    }
    default:
      return [];
  }
}

/** The agent asked for help: their lead, or security, must hear of it. */
export function alertsForAction(action: string): AlertSpec[] {
  if (action === 'supervisor_called') return [{ kind: 'supervisor_requested', severity: 'high', reason: 'agent_request' }];
  if (action === 'security_called') return [{ kind: 'security_requested', severity: 'critical', reason: 'agent_request' }];
  return [];
}
