/**
 * What a paused session shows instead of the conversation: a calm panel with nothing of the
 * customer's words on it, and Resume. Pausing is always allowed and costs nothing.
 */
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function PausedPanel({ onResume, busy }: { onResume: () => void; busy: boolean }) {
  const { t } = useTranslation('training');
  return (
    <Paper withBorder p="xl" radius="md" bg="blue.0" data-testid="paused-panel">
      <Stack gap="sm" align="center" ta="center">
        <Title order={2} size="h3" c="blue.9">
          {t('paused.title')}
        </Title>
        <Text maw={520}>{t('paused.body')}</Text>
        <Button onClick={onResume} loading={busy} size="md" data-autofocus>
          {t('paused.resume')}
        </Button>
        <Button component={Link} to="/wellbeing" variant="subtle" size="xs">
          {t('paused.wellbeing')}
        </Button>
      </Stack>
    </Paper>
  );
}
