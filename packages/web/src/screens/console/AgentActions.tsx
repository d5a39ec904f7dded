/**
 * One-click actions on the conversation. What the protocol recommends is filled (red when
 * urgent); the rest stay available but quiet. Ending asks first unless the policy recommends it:
 * a contact ended by mistake cannot be reopened.
 */
import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError, post, type ApiError } from '../../api/client';
import type { AgentAction, RecommendedAction, Reply, Timeline } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { CONSOLE_ACTIONS, recommendedActions } from './actionsFor';

type Recorded = Reply<'/api/conversations/{id}/actions', 'post'>;

interface Props {
  conversation: Timeline['conversation'];
  recommended: RecommendedAction[];
  onRecorded: (r: Recorded, action: AgentAction) => void;
}

export function AgentActions({ conversation, recommended, onRecorded }: Props) {
  const { t } = useTranslation('console');
  const [busy, setBusy] = useState<AgentAction>();
  const [error, setError] = useState<ApiError>();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const wanted = recommendedActions(recommended);
  const closed = conversation.status === 'closed';

  const record = async (action: AgentAction) => {
    setBusy(action);
    setError(undefined);
    try {
      const r = await post<Recorded>(`/api/conversations/${conversation.id}/actions`, { action });
      onRecorded(r, action);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(undefined);
    }
  };

  const press = (action: AgentAction) => {
    if (action === 'contact_ended' && !wanted.has('contact_ended')) setConfirmEnd(true);
    else void record(action);
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('actions.title')}
      </Title>
      {closed ? (
        <Text size="sm" c="gray.7">
          {t('actions.closed')}
        </Text>
      ) : (
        <Group gap="xs">
          {CONSOLE_ACTIONS.map((a) => {
            const rec = wanted.get(a);
            return (
              <Button
                key={a}
                size="sm"
                variant={rec ? 'filled' : 'default'}
                color={rec?.urgent ? 'red.8' : undefined}
                loading={busy === a}
                disabled={busy !== undefined && busy !== a}
                onClick={() => press(a)}
                data-recommended={rec ? 'yes' : 'no'}
              >
                {t(`action.${a}`)}
              </Button>
            );
          })}
        </Group>
      )}
      <ErrorNote error={error} />
      <Modal opened={confirmEnd} onClose={() => setConfirmEnd(false)} title={t('end.title')} centered>
        <Text size="sm">{t('end.body')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmEnd(false)}>
            {t('end.keep')}
          </Button>
          <Button
            color="red.8"
            onClick={() => {
              setConfirmEnd(false);
              void record('contact_ended');
            }}
          >
            {t('end.confirm')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
