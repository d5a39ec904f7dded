/**
 * A session being played: the customer's mood, the conversation, the draft with its coach, the
 * actions, and after each reply what moved the mood. Pause and Leave are always in the header; a
 * paused session shows only a calm panel with Resume. Every turn goes to the server, which answers
 * with the whole session, so what the trainee sees is always what was stored.
 */
import { Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import { ExitButton } from './ExitButton';
import { MoodBadge } from './MoodBadge';
import { MoodMoves } from './MoodMoves';
import { PausedPanel } from './PausedPanel';
import { SIM_ACTIONS, SimActions, type SimAction } from './SimActions';
import { SimDraft } from './SimDraft';
import { SimTranscript } from './SimTranscript';
import type { Played, ScenarioSummary, SimSessionView, StepView } from './types';

interface Props {
  session: SimSessionView;
  scenario: ScenarioSummary | undefined;
  onChange: (session: SimSessionView) => void;
}

type Busy = 'reply' | 'pause' | 'resume' | 'exit' | SimAction;

export function SimPlay({ session, scenario, onChange }: Props) {
  const { t } = useTranslation('training');
  const [draft, setDraft] = useState('');
  const [last, setLast] = useState<{ step: StepView; reply?: string }>();
  const [busy, setBusy] = useState<Busy>();
  const { run, error } = useAction();
  const base = `/api/training/sessions/${session.id}`;
  const paused = session.status === 'paused';
  const replies = session.turns.filter((x) => x.role === 'agent').length;

  const call = async (what: Busy, work: () => Promise<void>) => {
    setBusy(what);
    await run(work);
    setBusy(undefined);
  };
  const reply = (text: string) =>
    void call('reply', async () => {
      const played = await post<Played>(`${base}/reply`, { text });
      setDraft('');
      setLast({ step: played.step, reply: text });
      onChange(played.session);
    });
  const act = (action: SimAction) =>
    void call(action, async () => {
      const played = await post<Played>(`${base}/action`, { action });
      setLast({ step: played.step });
      onChange(played.session);
    });
  const change = (verb: 'pause' | 'resume' | 'exit') =>
    void call(verb, async () => onChange(await post<SimSessionView>(`${base}/${verb}`)));

  const customerName = scenario?.persona.name ?? t('session.customer');
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Title order={1} size="h3" lang={session.lang} dir="auto">
            {session.title}
          </Title>
          <Text size="sm" c="gray.7">
            {t('session.replies', { n: replies, max: scenario?.turnLimit ?? '—' })}
          </Text>
        </Stack>
        <Group gap="sm">
          {!paused && <MoodBadge band={session.band} />}
          {paused ? (
            <Button onClick={() => change('resume')} loading={busy === 'resume'}>
              {t('paused.resume')}
            </Button>
          ) : (
            <Button variant="light" onClick={() => change('pause')} loading={busy === 'pause'} disabled={busy !== undefined}>
              {t('session.pause')}
            </Button>
          )}
          <ExitButton onExit={() => change('exit')} busy={busy === 'exit'} disabled={busy !== undefined && busy !== 'exit'} />
        </Group>
      </Group>
      <ErrorNote error={error} />

      {paused ? (
        <PausedPanel onResume={() => change('resume')} busy={busy === 'resume'} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="sm">
              <Paper withBorder p="xs">
                <SimTranscript turns={session.turns} customerName={customerName} lang={session.lang} live />
              </Paper>
              <SimDraft
                draft={draft}
                onDraft={setDraft}
                onSend={reply}
                sending={busy === 'reply'}
                disabled={busy !== undefined && busy !== 'reply'}
                lang={session.lang}
                turns={session.turns}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              {last && <MoodMoves step={last.step} reply={last.reply} lang={session.lang} />}
              <SimActions busy={SIM_ACTIONS.find((a) => a === busy)} disabled={busy !== undefined} onAct={act} />
              {scenario && (
                <Paper withBorder p="sm" component="section" aria-labelledby="brief-heading">
                  <Title order={2} size="h5" id="brief-heading" mb={4}>
                    {t('session.brief')}
                  </Title>
                  <Text size="sm" lang={scenario.lang} dir="auto">
                    {scenario.brief}
                  </Text>
                  <Text size="sm" mt="xs" c="gray.8" lang={scenario.lang} dir="auto">
                    <strong>{scenario.persona.name}</strong> — {scenario.persona.description}
                  </Text>
                </Paper>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
