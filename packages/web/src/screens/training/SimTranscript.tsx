/**
 * A simulated conversation: the customer's lines at the inline start, the trainee's at the inline
 * end, actions between them, each in the scenario's language (`dir="auto"`, so Hebrew lines read
 * right to left inside an English UI). While playing it is a polite live region; on the report card
 * each turn has an anchor the criteria link to, and the linked turns are highlighted.
 */
import { Box, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimTurnView } from './types';

interface Props {
  turns: SimTurnView[];
  customerName: string;
  lang: string;
  /** Playing: announce new lines and keep the newest in view. */
  live?: boolean;
  /** Report card: turn indexes to highlight, and whether to show each customer line's mood. */
  highlighted?: ReadonlySet<number>;
  showMoods?: boolean;
}

export const turnAnchor = (i: number) => `turn-${i}`;

function Turn({
  turn,
  index,
  customerName,
  lang,
  highlighted,
  showMood,
}: {
  turn: SimTurnView;
  index: number;
  customerName: string;
  lang: string;
  highlighted: boolean;
  showMood: boolean;
}) {
  const { t } = useTranslation('training');
  const ring = highlighted ? { outline: '3px solid var(--mantine-color-yellow-6)', outlineOffset: 2 } : undefined;
  if (turn.role === 'action')
    return (
      <Box component="li" id={turnAnchor(index)} tabIndex={-1} style={{ alignSelf: 'center', ...ring }} data-testid="sim-action">
        <Text size="sm" c="gray.8" fs="italic">
          {t('session.number', { n: index + 1 })} · {t(`did.${turn.action}`)}
        </Text>
      </Box>
    );
  const customer = turn.role === 'customer';
  return (
    <Box
      component="li"
      id={turnAnchor(index)}
      tabIndex={-1}
      style={{ alignSelf: customer ? 'flex-start' : 'flex-end', maxWidth: '85%' }}
      data-testid={customer ? 'sim-customer' : 'sim-agent'}
      data-highlighted={highlighted ? 'yes' : undefined}
    >
      <Paper p="xs" withBorder bg={customer ? 'gray.0' : 'teal.0'} style={ring}>
        <Text size="xs" c="gray.7" fw={600} mb={4}>
          {t('session.number', { n: index + 1 })} · {customer ? customerName : t('session.you')}
          {customer && showMood && ` · ${t(`mood.${turn.band}`)}`}
        </Text>
        <Text size="sm" lang={lang} dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {turn.text}
        </Text>
      </Paper>
    </Box>
  );
}

export function SimTranscript({ turns, customerName, lang, live = false, highlighted, showMoods = false }: Props) {
  const { t } = useTranslation('training');
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (live) viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [live, turns.length]);

  const list = (
    <Stack
      component="ol"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('session.log')}
      {...(live ? { role: 'log', 'aria-live': 'polite' as const } : {})}
    >
      {turns.map((turn, i) => (
        <Turn
          key={i}
          turn={turn}
          index={i}
          customerName={customerName}
          lang={lang}
          highlighted={highlighted?.has(i) ?? false}
          showMood={showMoods}
        />
      ))}
    </Stack>
  );
  return live ? (
    <ScrollArea.Autosize mah="50vh" viewportRef={viewport} type="auto">
      {list}
    </ScrollArea.Autosize>
  ) : (
    list
  );
}
