/**
 * A recruit's cohort: who coaches it, where they stand against its readiness rule, and the
 * assigned scenarios with their status and best score, each one click from starting.
 */
import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { usePercent } from './look';
import { ReadinessLine } from './ReadinessLine';
import type { MyTraining } from './types';

type MyCohortView = MyTraining['cohorts'][number];
type MyAssignment = MyCohortView['assignments'][number];

function AssignmentStatus({ a }: { a: MyAssignment }) {
  const { t } = useTranslation('training');
  const percent = usePercent();
  if (a.passed)
    return (
      <Badge color="teal.8" variant="filled">
        {t('assignment.passed', { score: percent(a.bestScore) })}
      </Badge>
    );
  if (a.bestScore !== null)
    return (
      <Badge color="orange" variant="light" c="orange.9">
        {t('assignment.tried', { score: percent(a.bestScore) })}
      </Badge>
    );
  return (
    <Badge color="gray" variant="light" c="gray.8">
      {t('assignment.notStarted')}
    </Badge>
  );
}

interface Props {
  cohort: MyCohortView;
  titleOf: (scenarioId: string) => string;
  onStart: (a: MyAssignment) => void;
}

export function MyCohort({ cohort, titleOf, onStart }: Props) {
  const { t } = useTranslation('training');
  const format = useFormat();
  const now = Date.now();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`cohort-${cohort.id}`} data-testid="my-cohort">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={2} size="h4" id={`cohort-${cohort.id}`}>
              {t('my.cohort', { name: cohort.name })}
            </Title>
            <Text size="sm" c="gray.7">
              {t('my.coach', { name: cohort.coachName })}
              {cohort.closedAt && ` · ${t('my.closed')}`}
            </Text>
          </Stack>
          <ReadinessLine
            readiness={cohort.myReadiness}
            rule={cohort.readiness}
            signedOffAt={cohort.signedOffAt}
            viewer="recruit"
            titleOf={titleOf}
          />
        </Group>
        <Title order={3} size="h5">
          {t('my.assignments')}
        </Title>
        {cohort.assignments.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('my.noAssignments')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={6} fz="sm" data-testid="my-assignments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assignment.scenario')}</Table.Th>
                  <Table.Th scope="col">{t('assignment.due')}</Table.Th>
                  <Table.Th scope="col">{t('assignment.status')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('assignment.start')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cohort.assignments.map((a) => {
                  const overdue = a.dueAt !== null && !a.passed && new Date(a.dueAt).getTime() < now;
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Th scope="row" fw={500} dir="auto">
                        {a.title}
                      </Table.Th>
                      <Table.Td c={overdue ? 'orange.9' : undefined}>{a.dueAt ? format.date(a.dueAt) : '—'}</Table.Td>
                      <Table.Td>
                        <AssignmentStatus a={a} />
                      </Table.Td>
                      <Table.Td>
                        {!cohort.closedAt && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => onStart(a)}
                            aria-label={t('assignment.startNamed', { title: a.title })}
                          >
                            {a.bestScore === null ? t('assignment.start') : t('assignment.again')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
