/**
 * The conversation as it happens: a log region, so screen readers announce new messages politely,
 * scrolled to the newest message whenever one arrives.
 */
import { ScrollArea, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../api/types';
import { MessageBubble } from './MessageBubble';

export function MessageList({ messages, shield }: { messages: Message[]; shield: boolean }) {
  const { t } = useTranslation('console');
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const viewport = useRef<HTMLDivElement>(null);

  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [messages.length]);

  const toggle = (id: string) =>
    setRevealed((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <ScrollArea.Autosize mah="45vh" viewportRef={viewport} type="auto">
      <Stack component="ol" role="log" aria-live="polite" aria-label={t('message.log')} gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} shield={shield} revealed={revealed.has(m.id)} onToggle={() => toggle(m.id)} />
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
