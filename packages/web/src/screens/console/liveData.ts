/**
 * The shapes the server puts in live events for conversations (see the message ingester and the
 * action recorder), checked loosely: a frame from a newer server must not break the console.
 */
import type { LiveEvent } from '../../api/live';
import type { Message, RecommendedAction, Suggestion, Timeline } from '../../api/types';

type Step = NonNullable<Timeline['conversation']['protocol']>['step'];

export interface MessageAnalysed {
  conversationId: string;
  message: Message;
  step: Step;
  actions: RecommendedAction[];
  suggestions: Suggestion[];
}

export interface ConversationUpdated {
  conversationId: string;
  step: Step;
  actions: RecommendedAction[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function messageAnalysed(e: LiveEvent): MessageAnalysed | null {
  if (e.kind !== 'message.analysed' || !isObject(e.data)) return null;
  const d = e.data;
  if (!isObject(d.message) || typeof d.message.id !== 'string') return null;
  return {
    conversationId: typeof d.conversationId === 'string' ? d.conversationId : (e.conversationId ?? ''),
    message: d.message as unknown as Message,
    step: d.step as Step,
    actions: Array.isArray(d.actions) ? (d.actions as RecommendedAction[]) : [],
    suggestions: Array.isArray(d.suggestions) ? (d.suggestions as Suggestion[]) : [],
  };
}

export function conversationUpdated(e: LiveEvent): ConversationUpdated | null {
  if (e.kind !== 'conversation.updated' || !isObject(e.data)) return null;
  const d = e.data;
  return {
    conversationId: typeof d.conversationId === 'string' ? d.conversationId : (e.conversationId ?? ''),
    step: d.step as Step,
    actions: Array.isArray(d.actions) ? (d.actions as RecommendedAction[]) : [],
  };
}
