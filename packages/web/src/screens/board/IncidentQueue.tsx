/** Incidents that still need someone (open or under review), each a link to its record. */
import { Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveEvents } from '../../api/live';
import type { Incident } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';

type IncidentList = { incidents: Incident[] };

export function IncidentQueue() {
  const { t } = useTranslation('board');
  const format = useFormat();
  const open = useApi<IncidentList>('/api/incidents?status=open');
  const review = useApi<IncidentList>('/api/incidents?status=under_review');
  const incidents = [...(open.data?.incidents ?? []), ...(review.data?.incidents ?? [])].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  // A threat or an abuse past the warnings opens an incident along with its alert.
  useLiveEvents((e) => {
    if (e.kind !== 'alert.raised') return;
    void open.reload();
    void review.reload();
  });
  const loading = !open.data && !review.data && (open.loading || review.loading);

  return (
    <Stack gap="xs" component="section" aria-labelledby="incidents-heading">
      <Title order={2} size="h3" id="incidents-heading">
        {t('incidents.heading')}
      </Title>
      <ErrorNote error={open.error ?? review.error} />
      {loading && <Loader size="sm" aria-label={t('common:loading')} />}
      {!loading && incidents.length === 0 && <Text c="gray.7">{t('incidents.empty')}</Text>}
      {incidents.length > 0 && (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {incidents.map((i) => (
            <li key={i.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/incidents/${i.id}`} fw={600}>
                  {t(`incidents.conduct.${i.conduct}`, { defaultValue: i.conduct })}
                </Anchor>
                <Badge variant="light" color={i.status === 'open' ? 'red' : 'blue'} c={i.status === 'open' ? 'red.9' : 'blue.9'}>
                  {t(`incidents.status.${i.status}`)}
                </Badge>
                <Text size="xs" c="gray.7">
                  {t('incidents.opened', { ago: format.ago(i.createdAt) })}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
