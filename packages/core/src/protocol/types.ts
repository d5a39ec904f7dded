/**
 * @module protocol/types
 * The shapes of the conversation protocol: events in, state, and what is recommended after each
 * event. Everything is plain JSON, so a state can be stored, sent to a browser and rebuilt by
 * replaying its events.
 */
import type { Label, Language } from '../detect/types.js';
import type { Register, Situation } from '../conversation/types.js';

/** Where a conversation stands on the boundary ladder. */
export const STEPS = ['normal', 'de_escalating', 'warned', 'final_warning', 'ending_recommended', 'ended', 'handed_over'] as const;
export type Step = (typeof STEPS)[number];

/** Things the agent can do that the protocol needs to know about. */
export const AGENT_ACTIONS = [
  'warning_issued',
  'callback_offered',
  'contact_ended',
  'supervisor_called',
  'security_called',
  'supervisor_joined',
] as const;
export type AgentAction = (typeof AGENT_ACTIONS)[number];

/** What the protocol can recommend. */
export const RECOMMENDATIONS = [
  'issue_warning',
  'offer_callback',
  'end_contact',
  'call_supervisor',
  'call_security',
  'start_crisis_protocol',
  'suggest_break',
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Why something is recommended; the web UI translates these codes. */
export const REASONS = [
  'frustration',
  'profanity',
  'abuse',
  'abuse_after_final_warning',
  'threat',
  'self_harm',
  'hard_contact_over',
  'exposure',
] as const;
export type Reason = (typeof REASONS)[number];

/** One event in a conversation, in the order it happened. */
export type ProtocolEvent =
  /** A customer message, already analysed by the detector (only its label and language matter here). */
  | { type: 'customer_message'; label: Label; language: Language }
  /** A message the agent sent; `replyId` when it came from a suggestion. */
  | { type: 'agent_message'; text: string; replyId?: string | undefined }
  | { type: 'agent_action'; action: AgentAction };

/** The protocol state of one conversation. */
export interface ProtocolState {
  /** Bumped when the shape changes, so stored states can be migrated or rebuilt from events. */
  version: 1;
  step: Step;
  /** The conversation's language: the caller's, or the first customer message's. */
  lang: Language | null;
  register: Register | null;
  /** Position on the ladder: 0 none, up to the policy's warningsBeforeEnd. Falls as the customer calms. */
  level: number;
  /** Warnings given in the whole conversation (never falls). */
  warnings: number;
  /** Calm customer messages in a row since the last abusive one. */
  calmStreak: number;
  threat: boolean;
  crisis: boolean;
  /** Abusive, threatening or self-harm messages seen: a hard contact, break afterwards. */
  hardMessages: number;
  supervisorCalled: boolean;
  securityCalled: boolean;
  callbackOffered: boolean;
  /** Reply-library ids the agent has sent; never suggested again. */
  usedReplies: string[];
  /** Events applied so far (also varies which lines are suggested first). */
  events: number;
  /** Varies the order of suggestions between conversations; fixed for one, so replay is exact. */
  seed: number;
}

/** A recommended action and why. */
export interface RecommendedAction {
  action: Recommendation;
  reason: Reason;
  /** Needs doing now (threats, crises). */
  urgent: boolean;
}

/** A suggested reply, its placeholders filled where the context knows them. */
export interface Suggestion {
  id: string;
  situation: Situation;
  text: string;
}

/** What the protocol says after one event. */
export interface ProtocolOutput {
  state: ProtocolState;
  actions: RecommendedAction[];
  suggestions: Suggestion[];
}

/** Values for reply placeholders that the caller knows (the crisis resource comes from the policy). */
export interface ReplyContext {
  agentName?: string | undefined;
  callbackWindow?: string | undefined;
  followUpTime?: string | undefined;
}
