/**
 * The organisation's chain check for those who audit it: every incident event is chained by
 * hashes and the head is signed, so a change or a deleted event shows up here. The signed head can
 * be downloaded and kept elsewhere, which is what makes deleting the newest events detectable.
 */
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import type { ChainReport } from './incidentTypes';

export function ChainVerifyPanel() {
  const { t } = useTranslation('incidents');
  const format = useFormat();
  const { data, error, loading, reload } = useApi<ChainReport>('/api/incidents/verify');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="chain-check-title" data-testid="chain-check">
      <Stack gap="xs">
        <Title order={2} size="h4" id="chain-check-title">
          {t('verify.title')}
        </Title>
        <div aria-live="polite">
          {loading && !data && <Text c="gray.7">{t('verify.checking')}</Text>}
          {data?.ok &&
            (data.checkpoint ? (
              <Text c="teal.9" fw={600}>
                {t('verify.intact', {
                  count: data.events,
                  n: format.number(data.events),
                  position: format.number(data.checkpoint.position),
                })}
              </Text>
            ) : (
              <Text c="teal.9" fw={600}>
                {t('verify.intactNoHead', { count: data.events, n: format.number(data.events) })}
              </Text>
            ))}
          {data && !data.ok && (
            <>
              <Text c="red.9" fw={600}>
                {t('verify.broken')}
              </Text>
              <List c="red.9" size="sm">
                {data.problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </>
          )}
        </div>
        <ErrorNote error={error} />
        <Group gap="sm">
          <Button variant="default" size="sm" loading={loading && data !== undefined} onClick={() => void reload()}>
            {t('verify.again')}
          </Button>
          {data?.checkpoint && (
            <Button component="a" href="/api/incidents/checkpoint" download="calmline-signed-head.json" variant="subtle" size="sm">
              {t('verify.download')}
            </Button>
          )}
        </Group>
        {data?.checkpoint && (
          <Text size="sm" c="gray.7">
            {t('verify.downloadHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
