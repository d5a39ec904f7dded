/**
 * /training/cohorts/:id — one cohort for its coach: recruits, assignments, the progress grid with
 * readiness and sign-off, and closing the cohort when it is done.
 */
import { Anchor, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { post } from '../../api/client';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { ConfirmButton } from '../admin/ConfirmButton';
import { CohortAssignments } from './CohortAssignments';
import { CohortMembers } from './CohortMembers';
import { ProgressTable } from './ProgressTable';
import { useRuleText } from './ruleText';
import type { CohortDetail, ScenarioList } from './types';

export default function CohortPage() {
  const { t } = useTranslation('training');
  const { id } = useParams();
  const ruleText = useRuleText();
  const cohort = useApi<CohortDetail>(id ? `/api/training/cohorts/${id}` : null);
  const scenarios = useApi<ScenarioList>('/api/training/scenarios');
  const c = cohort.data;
  const list = scenarios.data?.scenarios ?? [];
  const titleOf = (sid: string) => list.find((s) => s.id === sid)?.title ?? sid;

  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to="/training/cohorts" size="sm">
        {t('cohorts.back')}
      </Anchor>
      <ErrorNote error={cohort.error} />
      {!c && cohort.loading && <Loader aria-label={t('loading', { ns: 'common' })} />}
      {c && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={1}>{c.name}</Title>
              <Text c="gray.7">
                {t('my.coach', { name: c.coachName })} · {ruleText(c.readiness)}
              </Text>
              {c.closedAt && <Text c="gray.7">{t('cohorts.closed')}</Text>}
            </Stack>
            {c.closedAt === null && (
              <ConfirmButton
                label={t('cohorts.close')}
                question={t('cohorts.closeQuestion')}
                color="gray"
                onConfirm={async () => {
                  await post(`/api/training/cohorts/${c.id}/close`);
                  await cohort.reload();
                }}
              />
            )}
          </Group>
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <CohortMembers cohort={c} onChanged={cohort.reload} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <CohortAssignments cohort={c} scenarios={list} onChanged={cohort.reload} />
            </Grid.Col>
          </Grid>
          <ProgressTable cohort={c} titleOf={titleOf} onChanged={cohort.reload} />
        </>
      )}
    </Stack>
  );
}
