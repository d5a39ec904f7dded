/**
 * The agent's open conversations, newest activity first, kept current by the live socket: any
 * message or change in a conversation reloads the list (one small request), so order, labels and
 * new arrivals are always the server's.
 */
import { useMemo } from 'react';
import { useLiveEvents } from '../../api/live';
import type { Conversation } from '../../api/types';
import { useApi } from '../../lib/useApi';

export function useOpenConversations() {
  const list = useApi<{ conversations: Conversation[] }>('/api/conversations?status=open');
  useLiveEvents((e) => {
    if (e.kind === 'message.analysed' || e.kind === 'conversation.updated') void list.reload();
  });
  const conversations = useMemo(
    () => [...(list.data?.conversations ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [list.data],
  );
  return { conversations, loaded: list.data !== undefined, error: list.error, reload: list.reload };
}
