/**
 * @module protocol/Protocol
 * The per-conversation state machine of practices 2 and 3 in PRODUCT.md: empathy for frustration;
 * for abuse, the intent to help and a boundary, then the boundary again with an alternative, then
 * ending or handing over as the policy says; threats to supervisor and security at once; a crisis
 * protocol for self-harm that never ends the contact abruptly; and back down the ladder as the
 * customer calms. Pure and deterministic: `step` never mutates its input, so a state can be rebuilt
 * by replaying its events.
 */
import type { Label, Language } from '../detect/types.js';
import type { Register, Situation } from '../conversation/types.js';
import { crisisResource, registerFor, type Policy } from '../policy/schema.js';
import { fillPlaceholders, type ReplyLibrary } from './ReplyLibrary.js';
import type {
  AgentAction,
  ProtocolEvent,
  ProtocolOutput,
  ProtocolState,
  RecommendedAction,
  ReplyContext,
  Step,
  Suggestion,
} from './types.js';

/** How a conversation starts. */
export interface StartOptions {
  /** The conversation's language; otherwise the first customer message's. */
  lang?: Language | undefined;
  /** Overrides the policy's register for the language. */
  register?: Register | undefined;
  /** Varies suggestion order between conversations (e.g. a hash of the conversation id). */
  seed?: number | undefined;
}

/** Situations whose replies are themselves a warning when the agent sends them. */
const WARNING_SITUATIONS: ReadonlySet<Situation> = new Set(['help_boundary', 'final_boundary']);

export class Protocol {
  constructor(
    readonly policy: Policy,
    private readonly library: ReplyLibrary,
  ) {}

  /**
   * A fresh conversation.
   * @example protocol.start({ lang: 'de' }).step // 'normal'
   */
  start(options: StartOptions = {}): ProtocolState {
    const lang = options.lang ?? null;
    return {
      version: 1,
      step: 'normal',
      lang,
      register: options.register ?? (lang ? registerFor(this.policy, lang) : null),
      level: 0,
      warnings: 0,
      calmStreak: 0,
      threat: false,
      crisis: false,
      hardMessages: 0,
      supervisorCalled: false,
      securityCalled: false,
      callbackOffered: false,
      usedReplies: [],
      events: 0,
      seed: (options.seed ?? 0) >>> 0,
    };
  }

  /**
   * Applies one event: the new state, what to do, and what to say.
   * @example protocol.step(state, { type: 'customer_message', label: 'abuse', language: 'en' }).actions[0]?.action // 'issue_warning'
   */
  step(state: ProtocolState, event: ProtocolEvent, context: ReplyContext = {}): ProtocolOutput {
    const s: ProtocolState = { ...state, events: state.events + 1 };
    const actions: RecommendedAction[] = [];
    let situations: Situation[] = [];
    if (event.type === 'customer_message') situations = this.onCustomer(s, event.label, event.language, actions);
    else if (event.type === 'agent_message') this.onAgentMessage(s, event.text, event.replyId);
    else this.onAction(s, event.action, actions);
    return { state: s, actions, suggestions: this.suggest(s, situations, context) };
  }

  /**
   * Rebuilds a state from its events (what a server does after a restart, or to audit a state).
   * @example protocol.replay(events, { lang: 'en' }).step
   */
  replay(events: readonly ProtocolEvent[], options: StartOptions = {}): ProtocolState {
    let state = this.start(options);
    for (const e of events) state = this.step(state, e).state;
    return state;
  }

  private onCustomer(s: ProtocolState, label: Label, language: Language, actions: RecommendedAction[]): Situation[] {
    if (s.step === 'ended') return [];
    if (s.lang === null) {
      s.lang = language;
      s.register ??= registerFor(this.policy, language);
    }
    const { policy } = this;
    const effective = label === 'profanity' ? { ignore: 'frustration', address: 'profanity', ladder: 'abuse' }[policy.profanity] : label;
    const handedOver = s.step === 'handed_over';
    switch (effective) {
      case 'threat': {
        s.threat = true;
        s.hardMessages++;
        s.calmStreak = 0;
        if (policy.threat.alertSupervisor && !s.supervisorCalled)
          actions.push({ action: 'call_supervisor', reason: 'threat', urgent: true });
        if (policy.threat.alertSecurity && !s.securityCalled) actions.push({ action: 'call_security', reason: 'threat', urgent: true });
        if (handedOver) return ['threat_response'];
        if (policy.threat.endAllowedImmediately && !s.crisis) {
          actions.push({ action: 'end_contact', reason: 'threat', urgent: true });
          s.step = 'ending_recommended';
          return ['threat_response', 'end_contact'];
        }
        return ['threat_response', ...this.climb(s, 'threat', actions)];
      }
      case 'self_harm': {
        s.hardMessages++;
        s.calmStreak = 0;
        if (!s.crisis) actions.push({ action: 'start_crisis_protocol', reason: 'self_harm', urgent: true });
        s.crisis = true;
        if (policy.crisis.alertSupervisor && !s.supervisorCalled)
          actions.push({ action: 'call_supervisor', reason: 'self_harm', urgent: true });
        return ['crisis_response'];
      }
      case 'abuse': {
        s.hardMessages++;
        s.calmStreak = 0;
        if (handedOver) return [];
        return this.inCrisis(s, this.climb(s, 'abuse', actions));
      }
      case 'profanity':
        if (s.step === 'normal') s.step = 'de_escalating';
        return this.inCrisis(s, handedOver ? [] : ['acknowledge', 'help_boundary']);
      default: {
        // none or frustration: a calm message as far as the ladder goes.
        s.calmStreak++;
        // Once a supervisor has taken over, the ladder no longer applies: the step stays "handed over".
        if (!handedOver && s.calmStreak >= policy.calmMessagesToStepDown && (s.level > 0 || s.step === 'ending_recommended')) {
          // From "ending recommended" the first step down is back to the ladder as it stood.
          if (s.step !== 'ending_recommended') s.level--;
          s.step = this.levelStep(s);
          s.calmStreak = 0;
        }
        if (effective === 'frustration' && s.step === 'normal') s.step = 'de_escalating';
        if (handedOver) return [];
        const calm: Situation[] =
          effective === 'frustration' ? ['acknowledge', 'restate_confirm'] : s.step === 'normal' ? [] : ['restate_confirm', 'follow_up'];
        return this.inCrisis(s, calm);
      }
    }
  }

  /** One rung up the ladder for abuse (or a threat the policy keeps on the ladder). */
  private climb(s: ProtocolState, reason: 'abuse' | 'threat', actions: RecommendedAction[]): Situation[] {
    const max = this.policy.warningsBeforeEnd;
    if (s.level >= max) {
      s.step = 'ending_recommended';
      const handOver = this.policy.afterFinalWarning === 'hand_over' || s.crisis;
      if (handOver) {
        if (!s.supervisorCalled) actions.push({ action: 'call_supervisor', reason: 'abuse_after_final_warning', urgent: false });
        return ['hand_over'];
      }
      actions.push({ action: 'end_contact', reason: 'abuse_after_final_warning', urgent: false });
      return ['end_contact'];
    }
    actions.push({ action: 'issue_warning', reason, urgent: false });
    if (s.level + 1 === max) {
      if (!s.callbackOffered) actions.push({ action: 'offer_callback', reason, urgent: false });
      return ['final_boundary'];
    }
    return ['help_boundary'];
  }

  /** In a crisis the crisis reply comes first and the contact is never ended abruptly. */
  private inCrisis(s: ProtocolState, situations: Situation[]): Situation[] {
    if (!s.crisis) return situations;
    return ['crisis_response', ...situations.filter((x) => x !== 'end_contact')];
  }

  private onAgentMessage(s: ProtocolState, text: string, replyId: string | undefined): void {
    const reply =
      (replyId !== undefined ? this.library.get(replyId) : undefined) ?? (s.lang ? this.library.findByText(s.lang, text) : undefined);
    if (!reply) return;
    if (!s.usedReplies.includes(reply.id)) s.usedReplies = [...s.usedReplies, reply.id];
    if (WARNING_SITUATIONS.has(reply.situation)) this.warn(s);
    if (reply.situation === 'final_boundary') s.callbackOffered = true;
  }

  private onAction(s: ProtocolState, action: AgentAction, actions: RecommendedAction[]): void {
    if (s.step === 'ended') return;
    switch (action) {
      case 'warning_issued':
        this.warn(s);
        break;
      case 'callback_offered':
        s.callbackOffered = true;
        break;
      case 'supervisor_called':
        s.supervisorCalled = true;
        break;
      case 'security_called':
        s.securityCalled = true;
        break;
      case 'supervisor_joined':
        s.supervisorCalled = true;
        s.step = 'handed_over';
        if (s.hardMessages > 0) actions.push({ action: 'suggest_break', reason: 'hard_contact_over', urgent: false });
        break;
      case 'contact_ended':
        s.step = 'ended';
        if (s.hardMessages > 0) actions.push({ action: 'suggest_break', reason: 'hard_contact_over', urgent: false });
        break;
    }
  }

  /** A warning given: one rung up, up to the final warning. */
  private warn(s: ProtocolState): void {
    if (s.step === 'handed_over' || s.step === 'ended') return;
    s.warnings++;
    s.calmStreak = 0;
    if (s.level < this.policy.warningsBeforeEnd) s.level++;
    if (s.step !== 'ending_recommended') s.step = this.levelStep(s);
  }

  private levelStep(s: ProtocolState): Step {
    if (s.level === 0) return s.step === 'normal' ? 'normal' : 'de_escalating';
    return s.level >= this.policy.warningsBeforeEnd ? 'final_warning' : 'warned';
  }

  private suggest(s: ProtocolState, situations: Situation[], context: ReplyContext): Suggestion[] {
    if (situations.length === 0 || s.lang === null) return [];
    const register = s.register ?? registerFor(this.policy, s.lang);
    const values = {
      crisis_resource: crisisResource(this.policy, s.lang),
      agent_name: context.agentName,
      callback_window: context.callbackWindow,
      follow_up_time: context.followUpTime,
    };
    return this.library
      .pick(s.lang, register, situations, s.usedReplies, s.seed + s.events)
      .map((r) => ({ id: r.id, situation: r.situation, text: fillPlaceholders(r.text, values) }));
  }
}
