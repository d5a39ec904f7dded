/**
 * @module commands/exposureWatcher
 * Exposure: an agent's hard contacts (abuse, threats, self-harm) in the policy's rolling window.
 * When a contact pushes the agent past a threshold, the lead hears of it (an `exposure` alert, once
 * per window) and the agent is told to take a recovery break and that routing may pause.
 */
import type { Label, Policy } from '@calmline/core';
import type { Store } from '../store/Store.js';
import type { Alert, Conversation, LiveEvent } from '../store/types.js';
import type { Exposure } from '../store/WellbeingRepository.js';
import { raiseAlerts } from './alertRaiser.js';

const HARD = new Set<Label>(['abuse', 'threat', 'self_harm']);

export function isHard(label: Label): boolean {
  return HARD.has(label);
}

/** The start of the policy's window, as stored times are compared. */
export function windowStart(policy: Policy, at = Date.now()): string {
  return new Date(at - policy.wellbeing.windowHours * 3600_000).toISOString();
}

/** Whether an exposure is past any of the policy's thresholds. */
export function overThreshold(policy: Policy, e: Exposure): boolean {
  const w = policy.wellbeing;
  return e.abuse >= w.abuseContacts || e.threat >= w.threatContacts || e.selfHarm >= w.selfHarmContacts;
}

/** Checks the conversation's agent; raises the exposure alert when a threshold is crossed. */
export async function check(
  tx: Store,
  policy: Policy,
  c: Conversation,
  messageId: string,
  events: LiveEvent[],
): Promise<Alert | undefined> {
  const agentId = c.agentId!;
  const since = windowStart(policy);
  const exposure = (await tx.wellbeing.exposure(c.orgId, [agentId], since)).get(agentId)!;
  if (!overThreshold(policy, exposure) || (await tx.alerts.raisedForAgentSince(agentId, 'exposure', since))) return undefined;
  const [alert] = await raiseAlerts(tx, c, messageId, [{ kind: 'exposure', severity: 'high', reason: 'exposure' }], events);
  return alert;
}
