/**
 * /incidents: the incident records the signed-in person may see (agents: their own, the server
 * scopes), filtered by status, conduct and date, with the chain check for those who audit it.
 * New threats and self-harm raise alerts, so an alert arriving live refreshes the list.
 */
import { Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client';
import { useLiveEvents } from '../../api/live';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ChainVerifyPanel } from './ChainVerifyPanel';
import { IncidentFiltersBar } from './IncidentFiltersBar';
import { IncidentTable } from './IncidentTable';
import { applyFilters, NO_FILTERS, type Filters } from './incidentFilters';
import type { Incident } from './incidentTypes';

/** The API's largest page; older incidents beyond it are not listed (the note says so). */
const LIMIT = 500;

export default function IncidentList() {
  const { t } = useTranslation('incidents');
  const { can } = useSession();
  const format = useFormat();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const { data, error, loading, reload } = useApi<{ incidents: Incident[] }>(
    `/api/incidents${query({ status: filters.status, limit: LIMIT })}`,
  );
  useLiveEvents((e) => {
    if (e.kind === 'alert.raised') void reload();
  });
  const shown = useMemo(() => applyFilters(data?.incidents ?? [], filters), [data, filters]);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('list.title')}</Title>
      {can('incidents:verify') && <ChainVerifyPanel />}
      <IncidentFiltersBar value={filters} onChange={setFilters} />
      <ErrorNote error={error} />
      {data && (
        <>
          <Text size="sm" c="gray.7" aria-live="polite" data-testid="incident-count">
            {t('list.count', { count: shown.length, n: format.number(shown.length) })}
          </Text>
          {data.incidents.length >= LIMIT && (
            <Text size="sm" c="gray.7">
              {t('list.limited', { n: format.number(LIMIT) })}
            </Text>
          )}
          <IncidentTable incidents={shown} />
        </>
      )}
      {loading && !data && <Text c="gray.7">{t('loading', { ns: 'common' })}</Text>}
    </Stack>
  );
}
