/**
 * @module commands/incidentKeeper
 * Opens and keeps incident records as conversations go on, inside the caller's transaction: the
 * policy opens one for any threat, any self-harm and abuse once the warnings are used up; the
 * agent's "report" button opens one with no classification needed. One incident per conversation
 * episode (until it is closed), updated with evidence, actions and who was notified.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Analysis, RecommendedAction, Step } from '@calmline/core';
import type { ChainKeys } from '../incidents/chain.js';
import { verifyChain, type ChainReport } from '../incidents/chain.js';
import { fold, type IncidentEventKind, type IncidentRecord } from '../incidents/record.js';
import type { Incident } from '../store/IncidentRepository.js';
import type { Store } from '../store/Store.js';
import type { Alert, Conversation, Message } from '../store/types.js';

const FLAGGED = new Set(['abuse', 'threat', 'self_harm']);

/** Whether the policy opens an incident for this customer message. */
export function policyOpens(label: string, step: Step, actions: readonly RecommendedAction[]): boolean {
  if (label === 'threat' || label === 'self_harm') return true;
  return label === 'abuse' && (step === 'ending_recommended' || actions.some((a) => a.reason === 'abuse_after_final_warning'));
}

export class IncidentKeeper {
  constructor(private readonly keys: ChainKeys) {}

  /** The keys, for routes that append their own events (fields, status). */
  keysForAppend(): ChainKeys {
    return this.keys;
  }

  private append(
    tx: Store,
    incident: { id: string; orgId: string },
    kind: IncidentEventKind,
    payload: Record<string, unknown>,
    actor: string | null,
  ) {
    return tx.incidents.append(this.keys, incident.orgId, incident.id, kind, payload, actor);
  }

  /** After a customer message has been stored. Returns the incident when one was opened or updated. */
  async onCustomerMessage(
    tx: Store,
    c: Conversation,
    message: Message,
    analysis: Analysis,
    step: Step,
    actions: readonly RecommendedAction[],
    alerts: readonly Alert[],
  ): Promise<Incident | undefined> {
    // Calm messages neither open an incident nor add to one: no query for them on the ingest path.
    if (!FLAGGED.has(analysis.label)) return undefined;
    let incident = await tx.incidents.openFor(c.id);
    if (!incident) {
      if (!policyOpens(analysis.label, step, actions)) return undefined;
      incident = await this.open(tx, c, 'policy', analysis.label, null);
      // The record starts with the episode's earlier flagged messages, oldest first.
      for (const m of await tx.conversations.messages(c.id))
        if (m.id !== message.id && m.analysis && FLAGGED.has(m.analysis.label))
          incident = await this.append(tx, incident, 'evidence', { messageId: m.id, text: m.text, label: m.analysis.label }, null);
    }
    incident = await this.append(tx, incident, 'evidence', { messageId: message.id, text: message.text, label: analysis.label }, null);
    for (const a of alerts)
      incident = await this.append(
        tx,
        incident,
        'notified',
        { who: a.kind === 'threat' || a.kind === 'security_requested' ? 'security and supervisor' : 'supervisor', alertId: a.id },
        null,
      );
    return incident;
  }

  /** An agent action during an open incident is part of its record. */
  async onAction(tx: Store, c: Conversation, action: string, userId: string): Promise<Incident | undefined> {
    let incident = await tx.incidents.openFor(c.id);
    if (!incident) return undefined;
    incident = await this.append(tx, incident, 'action', { action }, userId);
    if (action === 'supervisor_called') incident = await this.append(tx, incident, 'notified', { who: 'supervisor' }, userId);
    if (action === 'security_called') incident = await this.append(tx, incident, 'notified', { who: 'security' }, userId);
    return incident;
  }

  /** The agent's "I was hurt / this was not OK" report: opens an incident, or adds to the open one. */
  async report(tx: Store, c: Conversation, userId: string, note: string | null): Promise<Incident> {
    const incident = (await tx.incidents.openFor(c.id)) ?? (await this.open(tx, c, 'agent_report', 'agent_report', userId));
    return this.append(tx, incident, 'report', { note }, userId);
  }

  private async open(tx: Store, c: Conversation, openedBy: 'policy' | 'agent_report', conduct: string, userId: string | null) {
    const id = await tx.incidents.create({
      orgId: c.orgId,
      conversationId: c.id,
      teamId: c.teamId,
      agentId: c.agentId,
      openedBy,
      conduct: conduct as Incident['conduct'],
    });
    await tx.webhooks.enqueue(c.orgId, 'incident.opened', { incidentId: id, conduct, openedBy, conversationId: c.id, channel: c.channel });
    return this.append(
      tx,
      { id, orgId: c.orgId },
      'opened',
      { conduct, openedBy, conversationId: c.id, channel: c.channel, customerRef: c.customerRef, occurredAt: c.createdAt },
      userId,
    );
  }

  /** Checks an organisation's whole chain, its head, and that every stored record is what its events say. */
  async verify(store: Store, orgId: string): Promise<ChainReport> {
    const events = await store.incidents.chain(orgId);
    const report = verifyChain(this.keys, events, await store.incidents.checkpoints(orgId));
    for (const incident of await store.incidents.all(orgId)) {
      const own = events
        .filter((e) => e.incidentId === incident.id)
        .map((e) => ({
          kind: e.kind as IncidentEventKind,
          payload: e.payload as Record<string, unknown>,
          createdAt: e.createdAt,
          actorUserId: e.actorUserId,
        }));
      // A record purged by retention carries a `purged` mark on top of what its events still say.
      const { purged: _purged, ...stored } = incident.record as IncidentRecord & { purged?: boolean };
      if (!isDeepStrictEqual(fold(own), stored)) report.problems.push(`incident ${incident.id}: the stored record differs from its events`);
    }
    report.ok = report.problems.length === 0;
    return report;
  }
}
