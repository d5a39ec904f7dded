/**
 * After a hard contact, a calm offer of a few minutes off. Starting the break pauses routing to the
 * agent; "Not now" simply closes the offer for this conversation. Never pushy, never blocking.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import type { Reply } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useAction } from '../../lib/useAction';

type Break = Reply<'/api/wellbeing/breaks', 'post'>;

interface Props {
  minutes: number;
  /** Offered because the agent has had too many hard contacts lately (not just this one). */
  exposure: boolean;
  onDismiss: () => void;
}

export function BreakPrompt({ minutes, exposure, onDismiss }: Props) {
  const { t } = useTranslation('console');
  const format = useFormat();
  const [started, setStarted] = useState<Break>();
  const { run, busy, error } = useAction();

  const start = () =>
    run(async () => {
      setStarted(await post<Break>('/api/wellbeing/breaks', { minutes, reason: exposure ? 'exposure' : 'self' }));
    });

  return (
    <Alert
      color="teal"
      variant="light"
      role="status"
      data-testid="break-prompt"
      styles={{ title: { color: 'var(--mantine-color-teal-9)' } }}
      title={started ? t('break.startedTitle') : t('break.title')}
    >
      {started ? (
        <Text size="sm">{t('break.started', { count: started.plannedMinutes, minutes: format.number(started.plannedMinutes) })}</Text>
      ) : (
        <>
          <Text size="sm">{exposure ? t('break.exposure') : t('break.body', { count: minutes, minutes: format.number(minutes) })}</Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" onClick={() => void start()} loading={busy}>
              {t('break.start')}
            </Button>
            <Button size="xs" variant="default" onClick={onDismiss}>
              {t('break.notNow')}
            </Button>
          </Group>
          <ErrorNote error={error} />
        </>
      )}
    </Alert>
  );
}
