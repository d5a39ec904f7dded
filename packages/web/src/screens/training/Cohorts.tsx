/**
 * /training/cohorts — the coach's cohorts (an admin sees all): how many recruits, how many signed
 * off, the readiness rule; and a form to start a new one.
 */
import { Anchor, Grid, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { CohortCreateForm } from './CohortCreateForm';
import { useRuleText } from './ruleText';
import { COHORT_SIZE, type CohortSummary } from './types';

export default function Cohorts() {
  const { t } = useTranslation('training');
  const format = useFormat();
  const ruleText = useRuleText();
  const cohorts = useApi<{ cohorts: CohortSummary[] }>('/api/training/cohorts');
  const list = cohorts.data?.cohorts ?? [];
  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Anchor component={Link} to="/training" size="sm">
          {t('back')}
        </Anchor>
        <Title order={1}>{t('cohorts.title')}</Title>
        <Text c="gray.7">{t('cohorts.intro')}</Text>
      </Stack>
      <ErrorNote error={cohorts.error} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {cohorts.loading && !cohorts.data && <Loader aria-label={t('loading', { ns: 'common' })} />}
          {cohorts.data && list.length === 0 && <Text c="gray.7">{t('cohorts.empty')}</Text>}
          {list.length > 0 && (
            <Table.ScrollContainer minWidth={560}>
              <Table striped verticalSpacing={6} fz="sm" data-testid="cohort-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('cohorts.name')}</Table.Th>
                    <Table.Th scope="col">{t('cohorts.coach')}</Table.Th>
                    <Table.Th scope="col">{t('cohorts.recruits')}</Table.Th>
                    <Table.Th scope="col">{t('cohorts.rule')}</Table.Th>
                    <Table.Th scope="col">{t('cohorts.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/training/cohorts/${c.id}`} fw={500}>
                          {c.name}
                        </Anchor>
                        {c.closedAt && (
                          <Text size="xs" c="gray.7">
                            {t('cohorts.closed')}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>{c.coachName}</Table.Td>
                      <Table.Td>{t('cohorts.memberCount', { n: c.memberCount, max: COHORT_SIZE, signedOff: c.signedOffCount })}</Table.Td>
                      <Table.Td>{ruleText(c.readiness)}</Table.Td>
                      <Table.Td>{format.date(c.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md" radius="md">
            <CohortCreateForm />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
