/**
 * The console's actions, in practice: a warning, a callback offer, ending the contact, calling a
 * supervisor or security. Ending asks first, as it ends the session and brings up the report card.
 */
import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAction } from './types';

export const SIM_ACTIONS = [
  'warning_issued',
  'callback_offered',
  'supervisor_called',
  'security_called',
  'contact_ended',
] as const satisfies readonly AgentAction[];
export type SimAction = (typeof SIM_ACTIONS)[number];

interface Props {
  busy: SimAction | undefined;
  disabled: boolean;
  onAct: (action: SimAction) => void;
}

export function SimActions({ busy, disabled, onAct }: Props) {
  const { t } = useTranslation('training');
  const [confirmEnd, setConfirmEnd] = useState(false);
  return (
    <Stack gap="xs" component="section" aria-labelledby="sim-actions-heading">
      <Title order={2} size="h5" id="sim-actions-heading">
        {t('session.actions')}
      </Title>
      <Group gap="xs">
        {SIM_ACTIONS.map((a) => (
          <Button
            key={a}
            size="sm"
            variant="default"
            loading={busy === a}
            disabled={disabled || (busy !== undefined && busy !== a)}
            onClick={() => (a === 'contact_ended' ? setConfirmEnd(true) : onAct(a))}
          >
            {t(`action.${a}`, { ns: 'console' })}
          </Button>
        ))}
      </Group>
      <Modal opened={confirmEnd} onClose={() => setConfirmEnd(false)} title={t('endContact.title')} centered>
        <Text size="sm">{t('endContact.body')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmEnd(false)}>
            {t('endContact.keep')}
          </Button>
          <Button
            color="red.8"
            onClick={() => {
              setConfirmEnd(false);
              onAct('contact_ended');
            }}
          >
            {t('action.contact_ended', { ns: 'console' })}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
