/**
 * /incidents/:id: one incident record as the server keeps it (the export's JSON): header with the
 * chain check, downloads, the verbatim evidence, what happened around it, the fields people fill in,
 * the review step, and the chained events underneath.
 */
import { Anchor, Center, Grid, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { EventTimeline } from './EventTimeline';
import { EvidenceList } from './EvidenceList';
import { ExportLinks } from './ExportLinks';
import { IncidentHeader } from './IncidentHeader';
import type { Incident, IncidentExport } from './incidentTypes';
import { RecordFieldsForm } from './RecordFieldsForm';
import { RecordHistory } from './RecordHistory';
import { ReviewStatus } from './ReviewStatus';

function BackLink() {
  const { t } = useTranslation('incidents');
  return (
    <Anchor component={Link} to="/incidents" size="sm">
      {t('detail.back')}
    </Anchor>
  );
}

export default function IncidentDetail() {
  const { t } = useTranslation('incidents');
  const { id = '' } = useParams();
  const { data, error, reload, set } = useApi<IncidentExport>(`/api/incidents/${encodeURIComponent(id)}`);

  if (!data)
    return (
      <Stack gap="md">
        <BackLink />
        {error ? (
          <ErrorNote error={error} />
        ) : (
          <Center mih="30vh">
            <Loader aria-label={t('loading', { ns: 'common' })} />
          </Center>
        )}
      </Stack>
    );

  // The change answers with the new record at once; the reload then brings its new chained events.
  const changed = (incident: Incident) => {
    set((old) => (old ? { ...old, incident } : old));
    void reload();
  };
  const { incident, events, chain } = data;
  return (
    <Stack gap="lg">
      <BackLink />
      <IncidentHeader incident={incident} chain={chain} />
      <ExportLinks id={incident.id} />
      <ErrorNote error={error} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xl">
            <EvidenceList evidence={incident.record.evidence} />
            <RecordHistory incident={incident} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xl">
            <ReviewStatus incident={incident} onChanged={changed} />
            <RecordFieldsForm incident={incident} onSaved={changed} />
          </Stack>
        </Grid.Col>
      </Grid>
      <EventTimeline events={events} incident={incident} />
    </Stack>
  );
}
