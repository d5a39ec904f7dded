/**
 * The scenarios assigned to a cohort, with their due dates, and a form to assign another. The
 * scenario picker names each by title, language and difficulty.
 */
import { Button, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import { LANGUAGES } from '../../i18n/languages';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import type { CohortDetail, ScenarioSummary } from './types';

interface Props {
  cohort: CohortDetail;
  scenarios: ScenarioSummary[];
  onChanged: () => Promise<void>;
}

export function CohortAssignments({ cohort, scenarios, onChanged }: Props) {
  const { t } = useTranslation('training');
  const format = useFormat();
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const { run, busy, error } = useAction();
  const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

  const assign = () =>
    void run(async () => {
      if (!scenarioId) return;
      // A due date means the end of that day where the coach is.
      const dueAt = due ? new Date(`${due}T23:59:00`).toISOString() : undefined;
      await post(`/api/training/cohorts/${cohort.id}/assignments`, { scenarioId, ...(dueAt ? { dueAt } : {}) });
      setScenarioId(null);
      setDue('');
      await onChanged();
    });

  return (
    <Stack gap="xs" component="section" aria-labelledby="assignments-heading">
      <Title order={2} size="h4" id="assignments-heading">
        {t('assignments.heading')}
      </Title>
      {cohort.assignments.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('assignments.empty')}
        </Text>
      ) : (
        <List spacing={4} size="sm" data-testid="assignments">
          {cohort.assignments.map((a) => (
            <List.Item key={a.id}>
              <Text span size="sm" dir="auto">
                {a.title}
              </Text>
              {a.dueAt && (
                <Text span size="sm" c="gray.7">
                  {' · '}
                  {t('assignment.dueOn', { date: format.date(a.dueAt) })}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {cohort.closedAt === null && (
        <Group gap="xs" align="flex-end">
          <Select
            label={t('assignments.scenario')}
            placeholder={t('assignments.choose')}
            value={scenarioId}
            onChange={setScenarioId}
            data={scenarios.map((s) => ({
              value: s.id,
              label: `${s.title} · ${languageName(s.lang)} · ${t(`difficulty.${s.difficulty}`)}`,
            }))}
            searchable
            w={380}
          />
          <TextInput type="date" label={t('assignments.due')} value={due} onChange={(e) => setDue(e.currentTarget.value)} w={180} />
          <Button onClick={assign} loading={busy} disabled={!scenarioId}>
            {t('assignments.assign')}
          </Button>
        </Group>
      )}
      <ErrorNote error={error} />
    </Stack>
  );
}
