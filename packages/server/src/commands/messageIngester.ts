/**
 * @module commands/messageIngester
 * Ingests one message: analyse it (customer) or coach it (agent), step the conversation's
 * protocol, store message, state, alerts and live events in one transaction, then publish.
 * A message with an `externalId` already stored is answered from the store, not stored twice, so
 * a sender may retry safely after a timeout or a crash.
 */
import {
  PRECEDENCE,
  type Analysis,
  type Finding,
  type Label,
  type Language,
  type Policy,
  type Protocol,
  type ProtocolEvent,
  type RecommendedAction,
  type Suggestion,
} from '@calmline/core';
import { mayAccess } from '../auth/access.js';
import { AppError } from '../http/errors.js';
import type { CustomerBlock } from '../store/BlockRepository.js';
import { isUniqueViolation } from '../store/errors.js';
import { newId } from '../store/ids.js';
import type { Store } from '../store/Store.js';
import type { Actor, Alert, Author, Conversation, LiveEvent, Message } from '../store/types.js';
import { raiseAlerts } from './alertRaiser.js';
import { alertsForMessage } from './alertRules.js';
import * as exposureWatcher from './exposureWatcher.js';
import type { Notifier } from '../live/Notifier.js';
import type { Engine } from './Engine.js';
import type { IncidentKeeper } from './incidentKeeper.js';
import type { OrganisationCache } from './OrganisationCache.js';
import { seedOf, stateOf } from './protocolState.js';

export interface ConversationRef {
  channel: string;
  externalId: string;
  language?: Language | undefined;
  agentId?: string | undefined;
  teamId?: string | undefined;
  customerRef?: string | undefined;
  contactReason?: string | undefined;
}

export interface IngestInput {
  conversationId?: string | undefined;
  conversation?: ConversationRef | undefined;
  author: Author;
  text: string;
  externalId?: string | undefined;
  replyId?: string | undefined;
  /** When the message was really sent (imports of past transcripts); otherwise now. Not on the API. */
  sentAt?: string | undefined;
  /**
   * History being imported: analysed and stored with its protocol state, but it raises no alerts,
   * incidents, exposure or live events — nobody is called about a conversation from last year.
   */
  historic?: boolean | undefined;
}

export interface IngestResult {
  conversation: Conversation;
  message: Message;
  analysis: Analysis | null;
  findings: Finding[] | null;
  actions: RecommendedAction[];
  suggestions: Suggestion[];
  alerts: Alert[];
  /** The incident this message opened or added to. */
  incidentId: string | null;
  /** An active block of this conversation's customer: the agent sees who blocked them and why. */
  block: CustomerBlock | null;
  duplicate: boolean;
}

export class MessageIngester {
  constructor(
    private readonly store: Store,
    private readonly engine: Engine,
    private readonly organisations: OrganisationCache,
    private readonly notifier: Pick<Notifier, 'within' | 'publish' | 'inline'>,
    private readonly incidents: IncidentKeeper,
  ) {}

  async ingest(actor: Actor, input: IngestInput): Promise<IngestResult> {
    const org = await this.organisations.get(actor.orgId);
    const { protocol, policy } = this.engine.protocolFor(org);
    // Analysis is pure CPU: done before the transaction so the writer is held as briefly as possible.
    const lang = input.conversation?.language;
    const analysis = input.author === 'customer' ? this.engine.detector.analyze(input.text, lang ? { lang } : {}) : null;
    // Two first messages of a new conversation (or one message sent twice at once) can race on
    // PostgreSQL: the loser's unique violation is retried once and then finds the winner's rows.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(actor, input, analysis, protocol, policy);
      } catch (err) {
        if (attempt > 0 || !isUniqueViolation(err)) throw err;
      }
    }
  }

  private async attempt(
    actor: Actor,
    input: IngestInput,
    analysis: Analysis | null,
    protocol: Protocol,
    policy: Policy,
  ): Promise<IngestResult> {
    const events: LiveEvent[] = [];
    const result = await this.store.transaction(async (tx) => {
      const { conversation, storedMessageId } = await this.conversationFor(tx, actor, input, protocol);
      if (storedMessageId !== null && input.externalId !== undefined) {
        const stored = await tx.conversations.messageByExternalId(conversation.id, input.externalId);
        if (stored) return duplicateResult(conversation, stored);
      }
      const state = await stateOf(tx, protocol, conversation);
      const findings =
        input.author === 'agent' ? this.engine.coach.check(input.text, { lang: state.lang ?? conversation.language ?? 'en' }) : null;
      const event: ProtocolEvent = analysis
        ? { type: 'customer_message', label: analysis.label, language: analysis.language }
        : { type: 'agent_message', text: input.text, replyId: input.replyId };
      const output = protocol.step(state, event, {});
      const worstLabel = analysis ? worse(analysis.label, conversation.worstLabel) : conversation.worstLabel;
      const updated: Conversation = {
        ...conversation,
        protocol: output.state,
        worstLabel,
        messageCount: conversation.messageCount + 1,
        language: conversation.language ?? output.state.lang,
        status: output.state.step === 'ended' ? 'closed' : conversation.status,
      };
      // The message, the conversation's new state and the live event are written together (one
      // round trip on PostgreSQL); history being imported has no live event.
      const {
        message,
        event: live,
        notified,
      } = await tx.conversations.recordMessage(
        {
          orgId: actor.orgId,
          conversationId: conversation.id,
          seq: output.state.events,
          author: input.author,
          externalId: input.externalId ?? null,
          text: input.text,
          analysis,
          findings,
          replyId: input.replyId ?? null,
          createdAt: input.sentAt,
        },
        {
          protocol: output.state,
          worstLabel,
          messageCount: updated.messageCount,
          language: updated.language,
          status: updated.status,
        },
        input.historic
          ? undefined
          : (message) => ({
              orgId: actor.orgId,
              kind: 'message.analysed',
              teamId: conversation.teamId,
              conversationId: conversation.id,
              agentId: conversation.agentId,
              security: false,
              payload: {
                conversationId: conversation.id,
                message,
                step: output.state.step,
                actions: output.actions,
                suggestions: output.suggestions,
              },
            }),
        this.notifier.inline,
      );
      if (input.historic || !live)
        return {
          conversation: updated,
          message,
          analysis,
          findings,
          actions: output.actions,
          suggestions: output.suggestions,
          alerts: [],
          incidentId: null,
          block: null,
          duplicate: false,
        } satisfies IngestResult;
      events.push(live);
      const alerts = analysis ? await raiseAlerts(tx, updated, message.id, alertsForMessage(analysis.label, output.actions), events) : [];
      const actions = [...output.actions];
      // This conversation just became a (harder) hard contact: has the agent now had too many?
      if (updated.agentId && worstLabel !== conversation.worstLabel && exposureWatcher.isHard(worstLabel)) {
        const exposure = await exposureWatcher.check(tx, policy, updated, message.id, events);
        if (exposure) {
          alerts.push(exposure);
          actions.push({ action: 'suggest_break', reason: 'exposure', urgent: false });
        }
      }
      const incident = analysis
        ? await this.incidents.onCustomerMessage(tx, updated, message, analysis, output.state.step, output.actions, alerts)
        : undefined;
      // The message's own event was NOTIFYed by the statement that wrote it (PostgreSQL).
      if (notified)
        await this.notifier.within(
          tx,
          events.filter((e) => e !== live),
          [live],
        );
      else await this.notifier.within(tx, events);
      return {
        conversation: updated,
        message,
        analysis,
        findings,
        actions,
        suggestions: output.suggestions,
        alerts,
        incidentId: incident?.id ?? null,
        block: conversation.customerRef ? ((await tx.blocks.activeFor(actor.orgId, conversation.customerRef)) ?? null) : null,
        duplicate: false,
      } satisfies IngestResult;
    });
    this.notifier.publish(events);
    return result;
  }

  /** The referenced conversation (checked against the actor's scope), created on first sight of an external id. */
  /**
   * Only `tx` may be used in here: asking the shared pool for a second connection while this
   * transaction holds one deadlocks PostgreSQL under load once every connection waits for another.
   */
  private async conversationFor(
    tx: Store,
    actor: Actor,
    input: IngestInput,
    protocol: Protocol,
  ): Promise<{ conversation: Conversation; storedMessageId: string | null }> {
    // One query finds the conversation (locked on PostgreSQL) and whether this message is a retry.
    const externalId = input.externalId ?? null;
    if (input.conversationId !== undefined) {
      const found = await tx.conversations.forMessage(actor.orgId, { id: input.conversationId }, externalId);
      if (!found || !mayAccess(actor, found.conversation))
        throw new AppError('not_found', 'No conversation with this id is visible to you.');
      return found;
    }
    const ref = input.conversation!;
    const existing = await tx.conversations.forMessage(actor.orgId, { channel: ref.channel, externalId: ref.externalId }, externalId);
    if (existing) {
      if (!mayAccess(actor, existing.conversation))
        throw new AppError('not_found', 'No conversation with this reference is visible to you.');
      return existing;
    }
    const agentId = ref.agentId ?? (actor.role === 'agent' ? actor.userId : null);
    const teamId = ref.teamId ?? (agentId ? ((await tx.teams.teamIdsOf(agentId))[0] ?? null) : (actor.teamIds[0] ?? null));
    if (agentId !== null && !(await tx.users.get(actor.orgId, agentId)))
      throw new AppError('validation_failed', 'conversation.agentId is not a user of your organisation.');
    if (teamId !== null && !(await tx.teams.get(actor.orgId, teamId)))
      throw new AppError('validation_failed', 'conversation.teamId is not a team of your organisation.');
    if (!mayAccess(actor, { orgId: actor.orgId, agentId, teamId }))
      throw new AppError('forbidden', 'You may only open conversations for yourself or for your teams.');
    const id = newId();
    const conversation = await tx.conversations.create({
      id,
      orgId: actor.orgId,
      teamId,
      channel: ref.channel,
      externalId: ref.externalId,
      language: ref.language ?? null,
      agentId,
      customerRef: ref.customerRef ?? null,
      contactReason: ref.contactReason ?? null,
      protocol: protocol.start({
        ...(ref.language ? { lang: ref.language } : {}),
        seed: seedOf(id),
      }),
    });
    return { conversation, storedMessageId: null };
  }
}

function worse(a: Label, b: Label): Label {
  return PRECEDENCE.indexOf(a) <= PRECEDENCE.indexOf(b) ? a : b;
}

function duplicateResult(conversation: Conversation, message: Message): IngestResult {
  return {
    conversation,
    message,
    analysis: message.analysis,
    findings: (message.findings as Finding[] | null) ?? null,
    actions: [],
    suggestions: [],
    alerts: [],
    incidentId: null,
    block: null,
    duplicate: true,
  };
}
