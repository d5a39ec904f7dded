/**
 * Analytics (/analytics: leads, analysts, admins): fixing root causes. The period's figures, the
 * abuse rate over time and by channel, team, hour and contact reason, why customers get angry,
 * CSV downloads, and improvement projects. Leads see their teams only, and the page says so.
 */
import '@mantine/charts/styles.css';
import { Alert, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { BreakdownChart } from './BreakdownChart';
import { ExportLinks } from './ExportLinks';
import { FilterBar } from './FilterBar';
import { DEFAULT_FILTERS, reportQuery, type Filters } from './filters';
import { Headlines } from './Headlines';
import { Projects } from './Projects';
import { RootCauses } from './RootCauses';
import { SeriesChart } from './SeriesChart';
import type { GroupRow, Summary } from './types';

export default function Analytics() {
  const { t } = useTranslation('analytics');
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const q = reportQuery(filters);
  const summary = useApi<Summary>(`/api/analytics/summary${q}`);
  const teams = useApi<{ teams: Team[] }>('/api/teams').data?.teams ?? [];
  const s = summary.data;
  const teamName = (g: GroupRow) => (g.key === 'none' ? t('table.noTeam') : (g.name ?? g.key));
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1}>{t('title')}</Title>
      <Text c="gray.7">{t('intro')}</Text>
      {s?.scope === 'teams' && (
        <Alert color="blue" variant="light" data-testid="scope-note">
          {t('scope.teams')}
        </Alert>
      )}
      <FilterBar value={filters} onChange={setFilters} summary={s} teams={teams} />
      <ErrorNote error={summary.error} />
      {!s && summary.loading && <Loader size="sm" aria-label={t('common:loading')} />}
      {s && (
        <>
          <Headlines totals={s.totals} />
          <SeriesChart summary={s} />
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <BreakdownChart
                id="by-channel"
                title={t('chart.byChannel')}
                keyHeader={t('table.channel')}
                rows={s.byChannel}
                labelOf={(g) => g.key}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <BreakdownChart id="by-team" title={t('chart.byTeam')} keyHeader={t('table.team')} rows={s.byTeam} labelOf={teamName} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <BreakdownChart
                id="by-reason"
                title={t('chart.byReason')}
                keyHeader={t('table.reason')}
                rows={s.byReason}
                labelOf={(g) => (g.key === 'unspecified' ? t('table.unspecified') : g.key)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <BreakdownChart
                id="by-hour"
                title={t('chart.byHour', { zone: s.window.timezone })}
                keyHeader={t('table.hour')}
                rows={s.byHour}
                labelOf={(g) => g.key}
              />
            </Grid.Col>
          </Grid>
          <ExportLinks filters={filters} />
        </>
      )}
      <RootCauses query={q} />
      <Projects teams={teams} />
    </Stack>
  );
}
