/**
 * /training/sessions/:id — one session: played while it runs, its report card once it has ended
 * (straight after the last turn, or when opened later by the trainee or their coach). A coach
 * opening a session still running sees it read-only.
 */
import { Loader, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import ReportCard from './ReportCard';
import { SessionWatch } from './SessionWatch';
import { SimPlay } from './SimPlay';
import type { ScenarioList, SimSessionView } from './types';

export default function SimSession() {
  const { t } = useTranslation('training');
  const { id } = useParams();
  const { me } = useSession();
  const session = useApi<SimSessionView>(id ? `/api/training/sessions/${id}` : null);
  const scenarios = useApi<ScenarioList>('/api/training/scenarios');
  const s = session.data;
  const finished = s?.status === 'finished';

  // The report card replaces the conversation: start reading it from the top.
  useEffect(() => {
    if (finished) window.scrollTo({ top: 0 });
  }, [finished]);

  if (!s)
    return (
      <Stack>
        <ErrorNote error={session.error} />
        {session.loading && <Loader aria-label={t('loading', { ns: 'common' })} />}
      </Stack>
    );
  const scenario = scenarios.data?.scenarios.find((x) => x.id === s.scenarioId);
  if (finished && s.report) return <ReportCard session={s} report={s.report} scenario={scenario} />;
  // Only the trainee plays; a coach (or a session whose scenario was withdrawn) gets the transcript.
  if (finished || me?.id !== s.userId) return <SessionWatch session={s} scenario={scenario} />;
  return <SimPlay key={s.id} session={s} scenario={scenario} onChange={(next) => session.set(() => next)} />;
}
