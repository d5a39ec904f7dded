/**
 * Someone's sessions, newest first: the scenario, when, how it ended and the score, with the way
 * back in — "Continue" for one still running (a paused session waits here), "Report card" for one
 * done. The recruit sees their own; the coach opens a recruit's from the cohort page ("Open" to
 * watch one still running).
 */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import { usePercent } from './look';
import type { SessionSummary } from './types';

export function SessionList({ sessions, mine }: { sessions: SessionSummary[]; mine: boolean }) {
  const { t } = useTranslation('training');
  const format = useFormat();
  const percent = usePercent();
  // The trainee goes back into a running session; anyone else only watches it.
  const linkText = (s: SessionSummary) =>
    s.status === 'finished' ? t('sessions.report') : mine ? t('sessions.continue') : t('sessions.open');
  if (sessions.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t('sessions.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={6} fz="sm" data-testid="session-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assignment.scenario')}</Table.Th>
            <Table.Th scope="col">{t('sessions.started')}</Table.Th>
            <Table.Th scope="col">{t('sessions.result')}</Table.Th>
            <Table.Th scope="col">{t('sessions.open')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Th scope="row" fw={500} lang={s.lang} dir="auto">
                {s.title}
              </Table.Th>
              <Table.Td>{format.dateTime(s.startedAt)}</Table.Td>
              <Table.Td>
                {s.status !== 'finished' ? (
                  <Badge color="blue" variant="light" c="blue.9">
                    {t(`sessions.${s.status}`)}
                  </Badge>
                ) : (
                  <Text size="sm">
                    {s.outcome ? t(`outcomeShort.${s.outcome}`) : ''} · {percent(s.score)}
                    {s.passed ? ` · ${t('report.passed')}` : ''}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/training/sessions/${s.id}`} size="sm" aria-label={`${linkText(s)}: ${s.title}`}>
                  {linkText(s)}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
