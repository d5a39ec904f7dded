/**
 * My wellbeing (/wellbeing, everyone): my hard contacts against the limits, a recovery break,
 * debriefs with my lead, and the follow-ups I promised customers.
 */
import { Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyWellbeing as Wellbeing } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { BreakPanel } from './BreakPanel';
import { DebriefPanel } from './DebriefPanel';
import { ExposureBars } from './ExposureBars';
import { FollowUps } from './FollowUps';

export default function MyWellbeing() {
  const { t } = useTranslation('wellbeing');
  const me = useApi<Wellbeing>('/api/wellbeing/me');
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1}>{t('title')}</Title>
      <Text c="gray.7">{t('intro')}</Text>
      <ErrorNote error={me.error} />
      {!me.data && me.loading && <Loader size="sm" aria-label={t('common:loading')} />}
      <Grid gap="xl">
        {me.data && (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="xl">
              <ExposureBars wellbeing={me.data} />
              <BreakPanel wellbeing={me.data} onChanged={me.reload} />
            </Stack>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xl">
            {me.data && <DebriefPanel wellbeing={me.data} onChanged={me.reload} />}
            <FollowUps />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
