/**
 * @module commands/protocolState
 * A conversation's protocol state: the stored one, or, when it was damaged, rebuilt by replaying
 * the timeline (messages and actions in order), which is exact.
 */
import type { Protocol, ProtocolEvent, ProtocolState } from '@calmline/core';
import type { Store } from '../store/Store.js';
import type { Conversation } from '../store/types.js';

export async function stateOf(store: Store, protocol: Protocol, c: Conversation): Promise<ProtocolState> {
  if (c.protocol) return c.protocol;
  const [messages, actions] = await Promise.all([store.conversations.messages(c.id), store.conversations.actions(c.id)]);
  const timeline: { seq: number; event: ProtocolEvent }[] = [
    ...messages.map((m) => ({
      seq: m.seq,
      event:
        m.author === 'customer' && m.analysis
          ? ({ type: 'customer_message', label: m.analysis.label, language: m.analysis.language } as const)
          : ({ type: 'agent_message', text: m.text, replyId: m.replyId ?? undefined } as const),
    })),
    ...actions.map((a) => ({ seq: a.seq, event: { type: 'agent_action', action: a.action } as ProtocolEvent })),
  ].sort((x, y) => x.seq - y.seq);
  return protocol.replay(
    timeline.map((t) => t.event),
    { ...(c.language ? { lang: c.language } : {}), seed: seedOf(c.id) },
  );
}

/** A fixed seed per conversation, so its suggestions vary from others' but replay exactly. */
export function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
