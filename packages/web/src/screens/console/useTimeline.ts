/**
 * One conversation's timeline, live. A message.analysed event is applied at once (the message is
 * appended, the step and guidance replaced) so the agent sees it without waiting for a request;
 * a quiet reload afterwards brings the parts events do not carry (warnings count, worst label,
 * alerts). Sending and actions patch the same state from their answers.
 */
import { useCallback } from 'react';
import { useLiveEvents } from '../../api/live';
import type { Message, RecommendedAction, Timeline } from '../../api/types';
import { useApi } from '../../lib/useApi';
import { conversationUpdated, messageAnalysed } from './liveData';

type Conversation = Timeline['conversation'];

function withMessage(t: Timeline, message: Message): Timeline {
  if (t.messages.some((m) => m.id === message.id)) return t;
  return { ...t, messages: [...t.messages, message].sort((a, b) => a.seq - b.seq) };
}

function withStep(c: Conversation, step: NonNullable<Conversation['protocol']>['step'] | undefined): Conversation {
  if (!step || !c.protocol) return c;
  return { ...c, protocol: { ...c.protocol, step } };
}

export function useTimeline(id: string | undefined) {
  const loaded = useApi<Timeline>(id ? `/api/conversations/${id}` : null);
  const { set, reload } = loaded;

  useLiveEvents((e) => {
    if (!id || e.conversationId !== id) return;
    const analysed = messageAnalysed(e);
    if (analysed) {
      set(
        (t) =>
          t && {
            ...withMessage(t, analysed.message),
            conversation: withStep(t.conversation, analysed.step),
            guidance: { actions: analysed.actions, suggestions: analysed.suggestions },
          },
      );
    }
    const updated = conversationUpdated(e);
    if (updated) {
      set(
        (t) => t && { ...t, conversation: withStep(t.conversation, updated.step), guidance: { ...t.guidance, actions: updated.actions } },
      );
    }
    if (analysed || updated) void reload();
  });

  /** After sending: show the agent's message now (the live event may follow; it is not shown twice). */
  const addMessage = useCallback((message: Message) => set((t) => t && withMessage(t, message)), [set]);

  /** After an action: the server's new conversation state and what it recommends now. */
  const applyAction = useCallback(
    (conversation: Conversation, actions: RecommendedAction[]) =>
      set((t) => t && { ...t, conversation, guidance: { ...t.guidance, actions } }),
    [set],
  );

  return { ...loaded, addMessage, applyAction };
}
