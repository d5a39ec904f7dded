/**
 * The coach's grid: each recruit against each assignment (best score, passed), their readiness
 * against the cohort's rule, Sign off once they are ready, and their sessions. Signing off opens
 * live contacts to the recruit, so it asks first.
 */
import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import { ConfirmButton } from '../admin/ConfirmButton';
import { usePercent } from './look';
import { MemberSessions } from './MemberSessions';
import { ReadinessLine } from './ReadinessLine';
import type { CohortDetail } from './types';

type Result = CohortDetail['assignments'][number]['results'][number];

function Cell({ result }: { result: Result | undefined }) {
  const { t } = useTranslation('training');
  const percent = usePercent();
  if (!result || result.bestScore === null)
    return (
      <Text size="sm" c="gray.7">
        {t('assignment.notStarted')}
      </Text>
    );
  return result.passed ? (
    <Badge color="teal.8" variant="filled">
      {t('assignment.passed', { score: percent(result.bestScore) })}
    </Badge>
  ) : (
    <Badge color="orange" variant="light" c="orange.9">
      {t('assignment.tried', { score: percent(result.bestScore) })}
    </Badge>
  );
}

interface Props {
  cohort: CohortDetail;
  titleOf: (scenarioId: string) => string;
  onChanged: () => Promise<void>;
}

export function ProgressTable({ cohort, titleOf, onChanged }: Props) {
  const { t } = useTranslation('training');
  if (cohort.members.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="progress-heading">
      <Title order={2} size="h4" id="progress-heading">
        {t('progress.heading')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder verticalSpacing={6} fz="sm" data-testid="progress">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('progress.recruit')}</Table.Th>
              {cohort.assignments.map((a) => (
                <Table.Th scope="col" key={a.id} dir="auto">
                  {a.title}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('progress.readiness')}</Table.Th>
              <Table.Th scope="col">{t('progress.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cohort.members.map((m) => (
              <Table.Tr key={m.userId} data-testid="progress-row" data-user={m.userId}>
                <Table.Th scope="row" fw={500}>
                  {m.name}
                  <Text size="xs" c="gray.7" fw={400}>
                    {t('progress.counts', { finished: m.sessions.finished, passed: m.sessions.passed })}
                  </Text>
                </Table.Th>
                {cohort.assignments.map((a) => (
                  <Table.Td key={a.id}>
                    <Cell result={a.results.find((r) => r.userId === m.userId)} />
                  </Table.Td>
                ))}
                <Table.Td>
                  <ReadinessLine
                    readiness={m.readiness}
                    rule={cohort.readiness}
                    signedOffAt={m.signedOffAt}
                    viewer="coach"
                    titleOf={titleOf}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <MemberSessions userId={m.userId} name={m.name} />
                    {m.readiness.ready && !m.signedOffAt && cohort.closedAt === null && (
                      <ConfirmButton
                        label={t('progress.signOff')}
                        ariaLabel={t('progress.signOffNamed', { name: m.name })}
                        question={t('progress.signOffQuestion', { name: m.name })}
                        color="teal"
                        onConfirm={async () => {
                          await post(`/api/training/cohorts/${cohort.id}/members/${m.userId}/sign-off`);
                          await onChanged();
                        }}
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
