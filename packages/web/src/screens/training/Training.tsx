/**
 * /training — practice before going live (PRODUCT.md practice 8). A recruit sees their cohort,
 * what is assigned and how close they are to being signed off, their sessions, and every scenario.
 * Starting one shows its content note first; nothing starts without "I understand, start".
 */
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { ContentNoteModal } from './ContentNoteModal';
import { MyCohort } from './MyCohort';
import { ScenarioList } from './ScenarioList';
import { SessionList } from './SessionList';
import type { MyTraining, ScenarioList as Scenarios, ScenarioSummary, SessionSummary } from './types';
import { useStartSession } from './useStartSession';

/** Recent sessions shown here; the rest stay reachable through their report links. */
const RECENT = 8;

export default function Training() {
  const { t } = useTranslation('training');
  const { can } = useSession();
  const scenarios = useApi<Scenarios>('/api/training/scenarios');
  const me = useApi<MyTraining>('/api/training/me');
  const sessions = useApi<{ sessions: SessionSummary[] }>('/api/training/sessions');
  const [chosen, setChosen] = useState<{ scenario: ScenarioSummary; assignmentId?: string }>();
  const [freeText, setFreeText] = useState(false);
  const starter = useStartSession();

  const list = scenarios.data?.scenarios ?? [];
  const titleOf = (id: string) => list.find((s) => s.id === id)?.title ?? id;
  const choose = (scenario: ScenarioSummary | undefined, assignmentId?: string) => {
    starter.clearError();
    if (scenario) setChosen({ scenario, ...(assignmentId ? { assignmentId } : {}) });
  };
  const start = () => {
    if (!chosen) return;
    void starter.start({
      scenarioId: chosen.scenario.id,
      acknowledgedContent: true,
      ...(chosen.assignmentId ? { assignmentId: chosen.assignmentId } : {}),
      ...(freeText ? { freeText: true } : {}),
    });
  };

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text c="gray.7">{t('intro')}</Text>
        </Stack>
        {can('training:coach') && (
          <Button component={Link} to="/training/cohorts" variant="light">
            {t('cohorts.open')}
          </Button>
        )}
      </Group>
      <ErrorNote error={me.error ?? scenarios.error} />

      {me.data?.cohorts.map((c) => (
        <MyCohort
          key={c.id}
          cohort={c}
          titleOf={titleOf}
          onStart={(a) =>
            choose(
              list.find((s) => s.id === a.scenarioId),
              a.id,
            )
          }
        />
      ))}

      {sessions.data && sessions.data.sessions.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="my-sessions-heading">
          <Title order={2} size="h3" id="my-sessions-heading">
            {t('sessions.heading')}
          </Title>
          <SessionList sessions={sessions.data.sessions.slice(0, RECENT)} mine />
        </Stack>
      )}

      {scenarios.loading && !scenarios.data && <Loader aria-label={t('loading', { ns: 'common' })} />}
      {scenarios.data && <ScenarioList scenarios={list} onStart={(s) => choose(s)} />}

      <ContentNoteModal
        scenario={chosen?.scenario}
        busy={starter.busy}
        error={starter.error}
        freeTextAvailable={scenarios.data?.freeTextAvailable ?? false}
        freeText={freeText}
        onFreeText={setFreeText}
        onStart={start}
        onClose={() => setChosen(undefined)}
      />
    </Stack>
  );
}
