/**
 * After each reply, what moved the customer's mood and why: "Your acknowledgement calmed them",
 * "Playing down how they feel made them angrier" with the words that did it quoted from the reply.
 * The quote comes from the coach's finding behind the escalator, so the trainee sees exactly which
 * words to change.
 */
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { Escalator, FindingKind } from '@calmline/core';
import { useTranslation } from 'react-i18next';
import type { StepView } from './types';

/** The coach finding each escalator is read from (the simulator's mapping, reversed). */
const FINDING_OF: Record<Escalator, FindingKind> = {
  dismissal: 'dismissive',
  negative_phrasing: 'negative_phrasing',
  transfer: 'transfer_without_ownership',
  broken_promise: 'over_promise',
  blaming: 'blaming',
  lecturing: 'lecturing',
  sarcasm: 'sarcasm',
  shouting: 'shouting',
  repetition: 'repetition',
  no_acknowledgement: 'missing_acknowledgement',
  agent_profanity: 'agent_profanity',
  premature_fault: 'premature_fault',
};

/** The words in the reply that the finding points at, unless it is about the reply as a whole. */
function quoteFor(step: StepView, reply: string, e: Escalator): string | undefined {
  const f = step.findings.find((x) => x.kind === FINDING_OF[e]);
  if (!f || f.end <= f.start || (f.start === 0 && f.end >= reply.length)) return undefined;
  return reply.slice(f.start, f.end);
}

export function MoodMoves({ step, reply, lang }: { step: StepView; reply: string | undefined; lang: string }) {
  const { t } = useTranslation('training');
  const none = step.escalators.length === 0 && step.calmers.length === 0;
  return (
    <Stack gap="xs" component="section" aria-labelledby="moves-heading" data-testid="mood-moves">
      <Title order={2} size="h5" id="moves-heading">
        {t('moves.heading')}
      </Title>
      {none && <Text size="sm">{step.customer === null ? t('moves.unseen') : t('moves.none')}</Text>}
      <List spacing={6} size="sm" listStyleType="none" p={0}>
        {step.calmers.map((c) => (
          <List.Item key={c} data-testid="calmer" data-calmer={c}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Badge color="teal" variant="light" c="teal.9" style={{ flexShrink: 0 }}>
                {t('moves.calmer')}
              </Badge>
              <Text size="sm">{t(`calmer.${c}`)}</Text>
            </Group>
          </List.Item>
        ))}
        {step.escalators.map((e) => {
          const quote = reply ? quoteFor(step, reply, e) : undefined;
          return (
            <List.Item key={e} data-testid="escalator" data-escalator={e}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge color="orange" variant="light" c="orange.9" style={{ flexShrink: 0 }}>
                  {t('moves.angrier')}
                </Badge>
                <Stack gap={0}>
                  <Text size="sm">{t(`escalator.${e}`)}</Text>
                  {quote && (
                    <Text size="sm" c="gray.8">
                      {t('moves.youWrote')}{' '}
                      <Text span component="bdi" lang={lang} fs="italic">
                        {t('quote', { text: quote })}
                      </Text>
                    </Text>
                  )}
                </Stack>
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
