/**
 * The two situations that change how the agent should act, said plainly at the top: a threat
 * (help is on its way; ending is allowed when the policy says so) and a possible crisis (stay,
 * do not end abruptly, share the organisation's support resource).
 */
import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organisation, Timeline } from '../../api/types';

interface Props {
  conversation: Timeline['conversation'];
  policy: Organisation['policy'] | undefined;
}

export function SafetyBanners({ conversation, policy }: Props) {
  const { t } = useTranslation('console');
  const p = conversation.protocol;
  if (!p || (!p.threat && !p.crisis)) return null;
  const resource = conversation.language ? policy?.crisis.resources[conversation.language] : undefined;
  const alerted = policy?.threat.alertSecurity === false ? 'threat.supervisorAlerted' : 'threat.securityAlerted';
  return (
    <Stack gap="xs">
      {p.threat && (
        <Alert color="red.9" variant="filled" title={t(alerted)} role="alert" data-testid="threat-banner">
          {policy?.threat.endAllowedImmediately !== false && <Text size="sm">{t('threat.mayEnd')}</Text>}
        </Alert>
      )}
      {p.crisis && (
        <Alert
          color="blue"
          variant="light"
          title={t('crisis.title')}
          role="status"
          data-testid="crisis-banner"
          styles={{ title: { color: 'var(--mantine-color-blue-9)' } }}
        >
          <Text size="sm">{t('crisis.body')}</Text>
          {resource && <Text size="sm">{t('crisis.resource', { resource })}</Text>}
        </Alert>
      )}
    </Stack>
  );
}
