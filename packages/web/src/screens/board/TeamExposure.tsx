/**
 * Leads' view of their team's day: hard contacts per agent in the wellbeing window (hardest day
 * first, as the server sorts), who is over the limit, who is on a break, open debriefs.
 */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamWellbeing } from '../../api/types';
import { useFormat } from '../../lib/format';

export function TeamExposure({ team }: { team: TeamWellbeing }) {
  const { t } = useTranslation('board');
  const format = useFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="team-heading">
      <Title order={2} size="h3" id="team-heading">
        {t('team.heading')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('team.window', { count: team.windowHours, n: format.number(team.windowHours) })}
      </Text>
      {team.members.length === 0 ? (
        <Text c="gray.7">{t('team.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table striped verticalSpacing={6} fz="sm" data-testid="team-exposure">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('team.agent')}</Table.Th>
                <Table.Th scope="col">{t('team.abuse')}</Table.Th>
                <Table.Th scope="col">{t('team.threat')}</Table.Th>
                <Table.Th scope="col">{t('team.selfHarm')}</Table.Th>
                <Table.Th scope="col">{t('team.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.members.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Th scope="row" fw={500}>
                    {m.name}
                  </Table.Th>
                  <Table.Td>{format.number(m.exposure.abuse)}</Table.Td>
                  <Table.Td>{format.number(m.exposure.threat)}</Table.Td>
                  <Table.Td>{format.number(m.exposure.selfHarm)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      {m.overThreshold && (
                        <Text size="xs" fw={700} c="dark.9" bg="orange.3" px={6} style={{ borderRadius: 4 }}>
                          {t('team.overThreshold')}
                        </Text>
                      )}
                      {m.onBreak && (
                        <Text size="xs">
                          {t('team.onBreak', {
                            count: m.onBreak.plannedMinutes,
                            n: format.number(m.onBreak.plannedMinutes),
                            time: format.time(m.onBreak.startedAt),
                          })}
                        </Text>
                      )}
                      {m.openDebriefs > 0 && (
                        <Text size="xs">{t('team.openDebriefs', { count: m.openDebriefs, n: format.number(m.openDebriefs) })}</Text>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
