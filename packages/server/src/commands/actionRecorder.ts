/**
 * @module commands/actionRecorder
 * Records an agent action (warning issued, callback offered, contact ended, supervisor or
 * security called, supervisor joined): the protocol steps, a call for help raises an alert.
 */
import type { AgentAction, RecommendedAction } from '@calmline/core';
import { mayAccess } from '../auth/access.js';
import { AppError } from '../http/errors.js';
import type { Store } from '../store/Store.js';
import type { Actor, AgentActionRecord, Alert, Conversation, LiveEvent } from '../store/types.js';
import { raiseAlerts } from './alertRaiser.js';
import { alertsForAction } from './alertRules.js';
import type { Notifier } from '../live/Notifier.js';
import type { Engine } from './Engine.js';
import type { IncidentKeeper } from './incidentKeeper.js';
import type { OrganisationCache } from './OrganisationCache.js';
import { stateOf } from './protocolState.js';

export interface ActionResult {
  conversation: Conversation;
  action: AgentActionRecord;
  actions: RecommendedAction[];
  alerts: Alert[];
}

export class ActionRecorder {
  constructor(
    private readonly store: Store,
    private readonly engine: Engine,
    private readonly organisations: OrganisationCache,
    private readonly notifier: Pick<Notifier, 'within' | 'publish'>,
    private readonly incidents: IncidentKeeper,
  ) {}

  async record(actor: Actor, conversationId: string, action: AgentAction): Promise<ActionResult> {
    const org = await this.organisations.get(actor.orgId);
    const { protocol } = this.engine.protocolFor(org);
    const events: LiveEvent[] = [];
    const result = await this.store.transaction(async (tx) => {
      const c = await tx.conversations.getForUpdate(actor.orgId, conversationId);
      if (!c || !mayAccess(actor, c)) throw new AppError('not_found', 'No conversation with this id is visible to you.');
      if (c.status === 'closed' && action !== 'supervisor_called' && action !== 'security_called')
        throw new AppError('invalid_transition', 'This conversation has ended; only a call for help can still be recorded.');
      const state = await stateOf(tx, protocol, c);
      const output = protocol.step(state, { type: 'agent_action', action });
      const record = await tx.conversations.addAction({
        orgId: actor.orgId,
        conversationId: c.id,
        seq: output.state.events,
        action,
        userId: actor.userId,
      });
      const status = output.state.step === 'ended' ? 'closed' : c.status;
      await tx.conversations.update(c.id, { protocol: output.state, status });
      const updated: Conversation = { ...c, protocol: output.state, status };
      events.push(
        await tx.events.append({
          orgId: actor.orgId,
          kind: 'conversation.updated',
          teamId: c.teamId,
          conversationId: c.id,
          agentId: c.agentId,
          security: false,
          payload: { conversationId: c.id, action: record, step: output.state.step, actions: output.actions },
        }),
      );
      const alerts = await raiseAlerts(tx, updated, null, alertsForAction(action), events);
      await this.incidents.onAction(tx, updated, action, actor.userId);
      await tx.audit.record(actor, `conversation.${action}`, { type: 'conversation', id: c.id });
      await this.notifier.within(tx, events);
      return { conversation: updated, action: record, actions: output.actions, alerts };
    });
    this.notifier.publish(events);
    return result;
  }
}
