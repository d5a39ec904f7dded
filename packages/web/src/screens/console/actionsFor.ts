/**
 * Which one-click action carries out which recommendation, so the recommended buttons stand out.
 * A break and the crisis protocol are not conversation actions (the break prompt and the crisis
 * banner cover them).
 */
import type { AgentAction, RecommendedAction } from '../../api/types';

/** The actions an agent takes in the console, in the order they escalate. */
export const CONSOLE_ACTIONS: readonly AgentAction[] = [
  'callback_offered',
  'warning_issued',
  'supervisor_called',
  'security_called',
  'contact_ended',
];

const CARRIES_OUT: Partial<Record<RecommendedAction['action'], AgentAction>> = {
  issue_warning: 'warning_issued',
  offer_callback: 'callback_offered',
  end_contact: 'contact_ended',
  call_supervisor: 'supervisor_called',
  call_security: 'security_called',
};

/** For each action, whether it is recommended now and whether urgently. */
export function recommendedActions(recommended: RecommendedAction[]): Map<AgentAction, { urgent: boolean }> {
  const out = new Map<AgentAction, { urgent: boolean }>();
  for (const r of recommended) {
    const a = CARRIES_OUT[r.action];
    if (a) out.set(a, { urgent: (out.get(a)?.urgent ?? false) || r.urgent });
  }
  return out;
}
