/**
 * Someone else's session while it runs (a coach opening a recruit's): the conversation so far and
 * the customer's mood, read-only. Only the trainee plays it; the report card comes when it ends.
 */
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoodBadge } from './MoodBadge';
import { SimTranscript } from './SimTranscript';
import type { ScenarioSummary, SimSessionView } from './types';

export function SessionWatch({ session, scenario }: { session: SimSessionView; scenario: ScenarioSummary | undefined }) {
  const { t } = useTranslation('training');
  return (
    <Stack gap="sm" maw={900}>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h3" lang={session.lang} dir="auto">
          {session.title}
        </Title>
        <MoodBadge band={session.band} />
      </Group>
      <Alert color="blue" variant="light" styles={{ message: { color: 'var(--mantine-color-blue-9)' } }}>
        <Text size="sm">{t('session.watching')}</Text>
      </Alert>
      <Paper withBorder p="xs">
        <SimTranscript turns={session.turns} customerName={scenario?.persona.name ?? t('session.customer')} lang={session.lang} />
      </Paper>
    </Stack>
  );
}
