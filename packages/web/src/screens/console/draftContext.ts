/**
 * What the coach needs to judge a draft, from the timeline: the conversation's language and the
 * organisation's register for it, the customer's last message (how upset they are), and what the
 * agent already said (to catch repetition).
 */
import type { DraftContext } from '@calmline/core';
import type { Organisation, Timeline } from '../../api/types';

export function draftContext(t: Timeline, policy: Organisation['policy'] | undefined): DraftContext {
  const customer = t.messages.filter((m) => m.author === 'customer').at(-1);
  const lang = t.conversation.language ?? customer?.analysis?.language ?? 'en';
  const register = policy?.register[lang];
  return {
    lang,
    ...(register ? { register } : {}),
    customer: customer?.analysis
      ? {
          label: customer.analysis.label,
          scores: customer.analysis.scores as Record<typeof customer.analysis.label, number>,
          text: customer.text,
        }
      : customer
        ? { label: 'none', text: customer.text }
        : undefined,
    previous: t.messages.filter((m) => m.author === 'agent').map((m) => m.text),
  };
}
