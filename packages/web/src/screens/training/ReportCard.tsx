/**
 * The report card of a finished session: how it ended, passed or not against the scenario's pass
 * score, each criterion with links into the transcript, the coach's notes with better wordings,
 * what would have done better, and the customer's mood over the conversation. The trainee can try
 * again with a new customer or replay the same one (same seed) to try a different approach.
 */
import { Alert, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { AdviceList } from './AdviceList';
import { CriteriaList } from './CriteriaList';
import { usePercent } from './look';
import { SimTranscript } from './SimTranscript';
import { TurnFindings } from './TurnFindings';
import type { ReportCardView, ScenarioSummary, SimSessionView } from './types';
import { useStartSession } from './useStartSession';

// The chart library is large; only a report card needs it, so the play screen loads without it.
const MoodChart = lazy(() => import('./MoodChart').then((m) => ({ default: m.MoodChart })));

interface Props {
  session: SimSessionView;
  report: ReportCardView;
  scenario: ScenarioSummary | undefined;
}

export default function ReportCard({ session, report, scenario }: Props) {
  const { t } = useTranslation('training');
  const percent = usePercent();
  const { me } = useSession();
  const [highlighted, setHighlighted] = useState<ReadonlySet<number>>(new Set());
  const again = useStartSession();
  const mine = me?.id === session.userId;
  const show = (turns: number[]) => setHighlighted(new Set(turns));
  const restart = (sameCustomer: boolean) =>
    void again.start({
      scenarioId: session.scenarioId,
      acknowledgedContent: true,
      ...(sameCustomer ? { seed: session.seed } : {}),
      ...(session.assignmentId ? { assignmentId: session.assignmentId } : {}),
    });

  return (
    <Stack gap="md" data-testid="report-card">
      <Stack gap={2}>
        <Title order={1} size="h3">
          {t('report.title')}
        </Title>
        <Text c="gray.7" lang={session.lang} dir="auto">
          {session.title}
        </Text>
      </Stack>

      <Alert
        color={report.passed ? 'teal' : 'orange'}
        variant="light"
        title={report.passed ? t('report.passed') : t('report.failed')}
        data-testid="report-result"
        data-passed={String(report.passed)}
        styles={{ title: { color: report.passed ? 'var(--mantine-color-teal-9)' : 'var(--mantine-color-orange-9)' } }}
      >
        <Stack gap={4}>
          <Text size="sm">{report.outcome ? t(`outcome.${report.outcome}`) : ''}</Text>
          <Text size="sm" fw={600} data-testid="report-score">
            {t('report.score', { score: percent(report.score), pass: percent(report.passScore) })}
          </Text>
          {!report.passed && <Text size="sm">{t('report.failedNote')}</Text>}
        </Stack>
      </Alert>

      {mine && (
        <Group gap="sm">
          <Button onClick={() => restart(false)} loading={again.busy}>
            {t('report.tryAgain')}
          </Button>
          <Button variant="light" onClick={() => restart(true)} disabled={again.busy}>
            {t('report.replay')}
          </Button>
          <Button component={Link} to="/training" variant="subtle">
            {t('report.back')}
          </Button>
        </Group>
      )}
      <ErrorNote error={again.error} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="lg">
            <CriteriaList criteria={report.criteria} onShow={show} />
            <AdviceList advice={report.advice} lang={session.lang} />
            <TurnFindings findings={report.findings} turns={session.turns} lang={session.lang} onShow={show} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="lg">
            {report.moods.length > 0 && (
              <Suspense fallback={<Loader size="sm" aria-label={t('loading', { ns: 'common' })} />}>
                <MoodChart moods={report.moods} />
              </Suspense>
            )}
            <Stack gap="xs" component="section" aria-labelledby="transcript-heading">
              <Title order={2} size="h4" id="transcript-heading">
                {t('report.transcript')}
              </Title>
              <Paper withBorder p="xs">
                <SimTranscript
                  turns={session.turns}
                  customerName={scenario?.persona.name ?? t('session.customer')}
                  lang={session.lang}
                  highlighted={highlighted}
                  showMoods
                />
              </Paper>
            </Stack>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
