/**
 * One conversation, live: who and how bad at the top (badge, protocol step, safety banners, the
 * break offer), then the messages and the draft, with what to do and what to say beside them on a
 * laptop (above them on a tablet, where the recommended action matters first).
 */
import { Alert, Grid, Group, Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import type { Organisation } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { AgentActions } from './AgentActions';
import { BreakPrompt } from './BreakPrompt';
import { draftContext } from './draftContext';
import { DraftBox } from './DraftBox';
import { MessageList } from './MessageList';
import { RecommendedActions } from './RecommendedActions';
import { ReportButton } from './ReportButton';
import { HARD_LABELS } from './risk';
import { RiskBadge } from './RiskBadge';
import { SafetyBanners } from './SafetyBanners';
import { StepText } from './StepText';
import { SuggestionList } from './SuggestionList';
import { useShield } from './useShield';
import { useTimeline } from './useTimeline';

export function ConversationView({ id, policy }: { id: string; policy: Organisation['policy'] | undefined }) {
  const { t } = useTranslation('console');
  const { can } = useSession();
  const timeline = useTimeline(id);
  const [shield, setShield] = useShield();
  const [draft, setDraft] = useState('');
  // The suggestion the draft came from; it counts (e.g. as a boundary statement) only while its words are still in the draft.
  const [reply, setReply] = useState<{ id: string; text: string }>();
  const [breakDismissed, setBreakDismissed] = useState(false);
  const [endedHere, setEndedHere] = useState(false);

  const data = timeline.data;
  if (!data) {
    return timeline.error ? <ErrorNote error={timeline.error} /> : <Loader aria-label={t('loading', { ns: 'common' })} />;
  }
  const c = data.conversation;
  const guidance = data.guidance;
  const breakSuggested = guidance.actions.find((a) => a.action === 'suggest_break');
  const hardOver = c.status === 'closed' && (HARD_LABELS.has(c.worstLabel) || endedHere || c.protocol?.step === 'ended');
  const offerBreak = can('wellbeing:self') && !breakDismissed && (hardOver || breakSuggested !== undefined);

  const replyId = reply && draft.includes(reply.text) ? reply.id : undefined;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {c.contactReason ?? t('conversation.untitled')}
          </Title>
          <Group gap="xs">
            <RiskBadge label={c.worstLabel} />
            <StepText conversation={c} policy={policy} />
            {c.status === 'closed' && (
              <Text size="sm" c="gray.7">
                {t('conversation.closed')}
              </Text>
            )}
          </Group>
        </Stack>
        {can('incidents:report') && <ReportButton conversationId={c.id} />}
      </Group>

      <SafetyBanners conversation={c} policy={policy} />
      {offerBreak && (
        <BreakPrompt
          minutes={policy?.wellbeing.breakMinutes ?? 10}
          exposure={breakSuggested?.reason === 'exposure'}
          onDismiss={() => setBreakDismissed(true)}
        />
      )}
      {!c.protocol?.threat && data.alerts.some((a) => a.status !== 'resolved') && (
        <Alert color="gray" variant="light" role="status">
          <Text size="sm">{t('conversation.helpAlerted')}</Text>
        </Alert>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }} order={{ base: 2, lg: 1 }}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h5">
                {t('message.title')}
              </Title>
              <Switch size="sm" label={t('message.shield')} checked={shield} onChange={(e) => setShield(e.currentTarget.checked)} />
            </Group>
            <Paper withBorder p="xs">
              <MessageList messages={data.messages} shield={shield} />
            </Paper>
            {c.status === 'open' && (
              <DraftBox
                conversationId={c.id}
                draft={draft}
                replyId={replyId}
                onDraft={setDraft}
                context={draftContext(data, policy)}
                onSent={(sent) => timeline.addMessage(sent.message)}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} order={{ base: 1, lg: 2 }}>
          <Stack gap="md">
            <RecommendedActions actions={guidance.actions} />
            <AgentActions
              conversation={c}
              recommended={guidance.actions}
              onRecorded={(r, action) => {
                timeline.applyAction(r.conversation, r.actions);
                if (action === 'contact_ended') setEndedHere(true);
              }}
            />
            {c.status === 'open' && (
              <SuggestionList
                suggestions={guidance.suggestions}
                onChoose={(s) => {
                  setDraft(draft.trim() ? `${draft.trimEnd()}\n${s.text}` : s.text);
                  setReply(s);
                }}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
