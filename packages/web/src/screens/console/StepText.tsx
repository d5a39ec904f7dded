/**
 * Where the conversation stands on the protocol, in words: "Warning 1 of 2 given" counts against
 * the organisation's policy, so the agent knows how much room is left.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organisation, Timeline } from '../../api/types';

export function StepText({ conversation, policy }: { conversation: Timeline['conversation']; policy: Organisation['policy'] | undefined }) {
  const { t } = useTranslation('common');
  const p = conversation.protocol;
  if (!p) return null;
  const text =
    p.step === 'warned'
      ? // Before the policy has loaded the server's default (2) is the best guess.
        t('step.warned', { count: p.warnings, max: policy?.warningsBeforeEnd ?? 2 })
      : t(`step.${p.step}`);
  return (
    <Text size="sm" fw={600} c={p.step === 'normal' ? 'gray.7' : 'orange.9'} aria-live="polite" data-testid="protocol-step">
      {text}
    </Text>
  );
}
