/**
 * Where the agent writes: the draft, the coach's advice as they type, and Send. Ctrl/⌘+Enter sends,
 * so a practised agent never needs the mouse.
 */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { DraftContext } from '@calmline/core';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import type { Ingested } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import { applyFinding } from './applyFinding';
import { CoachFindings } from './CoachFindings';
import { useCoach } from './useCoach';

interface Props {
  conversationId: string;
  draft: string;
  /** The suggestion the draft still carries, sent along so the protocol knows what was said. */
  replyId: string | undefined;
  onDraft: (text: string) => void;
  context: DraftContext | null;
  onSent: (sent: Ingested) => void;
}

export function DraftBox({ conversationId, draft, replyId, onDraft, context, onSent }: Props) {
  const { t } = useTranslation('console');
  const checked = useCoach(draft, context);
  const { run, busy: sending, error } = useAction();

  const send = async () => {
    const text = draft.trim();
    if (!text || sending) return;
    await run(async () => {
      const sent = await post<Ingested>('/api/messages', { conversationId, author: 'agent', text, ...(replyId ? { replyId } : {}) });
      onDraft('');
      onSent(sent);
    });
  };

  return (
    <Stack gap="xs">
      <Textarea
        label={t('draft.label')}
        description={t('draft.hint')}
        value={draft}
        onChange={(e) => onDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
        dir="auto"
        autosize
        minRows={3}
        maxRows={8}
      />
      <CoachFindings
        findings={checked.findings}
        checkedDraft={checked.draft}
        currentDraft={draft}
        onApply={(f) => onDraft(applyFinding(draft, f))}
      />
      <ErrorNote error={error} />
      <Group justify="flex-end">
        <Button onClick={() => void send()} loading={sending} disabled={draft.trim() === ''}>
          {t('draft.send')}
        </Button>
      </Group>
    </Stack>
  );
}
