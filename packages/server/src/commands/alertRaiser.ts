/**
 * @module commands/alertRaiser
 * Writes the alerts that alertRules asks for, inside the caller's transaction, with their live
 * events: a new alert, or a raised severity on the one already open.
 */
import type { Store } from '../store/Store.js';
import { SECURITY_KINDS, type Alert, type Conversation, type LiveEvent } from '../store/types.js';
import { isWorse, type AlertSpec } from './alertRules.js';

export async function raiseAlerts(
  store: Store,
  conversation: Conversation,
  messageId: string | null,
  specs: readonly AlertSpec[],
  events: LiveEvent[],
): Promise<Alert[]> {
  const changed: Alert[] = [];
  for (const spec of specs) {
    const open = await store.alerts.unresolved(conversation.id, spec.kind);
    let alert: Alert | undefined;
    let kind: 'alert.raised' | 'alert.updated' = 'alert.raised';
    if (!open) {
      alert = await store.alerts.create({
        orgId: conversation.orgId,
        teamId: conversation.teamId,
        conversationId: conversation.id,
        messageId,
        ...spec,
      });
    } else if (isWorse(spec.severity, open.severity)) {
      alert = await store.alerts.raiseSeverity(open.id, spec.severity, spec.reason, messageId);
      kind = 'alert.updated';
    }
    if (!alert) continue;
    changed.push(alert);
    events.push(await store.events.append(alertEvent(kind, alert, conversation.agentId)));
    // Same transaction: the webhook outbox holds exactly what was committed.
    const { orgId: _org, ...payload } = alert;
    await store.webhooks.enqueue(alert.orgId, kind, payload);
  }
  return changed;
}

/** The live event for an alert; security hears of threats and calls for security whatever the team. */
export function alertEvent(kind: 'alert.raised' | 'alert.updated', alert: Alert, agentId: string | null) {
  return {
    orgId: alert.orgId,
    kind,
    teamId: alert.teamId,
    conversationId: alert.conversationId,
    agentId,
    security: SECURITY_KINDS.includes(alert.kind),
    payload: alert,
  } as const;
}
