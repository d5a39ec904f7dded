/**
 * Calmline's own review of the transcript: each conversation practice met, not met or not
 * applicable, with the turns that show it. Choosing a turn scrolls to it and highlights every
 * turn of that practice, so the reviewer reads the machine's verdict against the words.
 */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { AutomaticReview, CriterionResult } from './types';

const STATUS = (met: boolean | null) => (met === null ? 'notApplicable' : met ? 'met' : 'notMet');
const COLOUR: Record<string, { bg: string; c: string }> = {
  met: { bg: 'teal.1', c: 'teal.9' },
  notMet: { bg: 'orange.1', c: 'orange.9' },
  notApplicable: { bg: 'gray.1', c: 'gray.8' },
};

interface Props {
  automatic: AutomaticReview;
  selected: string | null;
  onSelect: (criterion: CriterionResult, turn: number) => void;
}

export function CriteriaPanel({ automatic, selected, onSelect }: Props) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const applicable = automatic.criteria.filter((c) => c.met !== null);
  const met = applicable.filter((c) => c.met).length;
  return (
    <Stack gap="sm" component="section" aria-labelledby="auto-heading" data-testid="criteria">
      <Title order={2} size="h3" id="auto-heading">
        {t('auto.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('auto.intro')}
      </Text>
      <Text fw={600}>{t('auto.score', { met: format.number(met), total: format.number(applicable.length) })}</Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {automatic.criteria.map((c) => {
          const status = STATUS(c.met);
          const name = t(`criterion.${c.criterion}`, { defaultValue: c.criterion });
          return (
            <Paper
              component="li"
              key={c.criterion}
              withBorder
              p="xs"
              bd={selected === c.criterion ? '2px solid var(--mantine-color-yellow-7)' : undefined}
              data-testid="criterion"
              data-criterion={c.criterion}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge bg={COLOUR[status]!.bg} c={COLOUR[status]!.c} style={{ flexShrink: 0 }}>
                  {t(`auto.${status}`)}
                </Badge>
                <Text size="sm">{name}</Text>
              </Group>
              {c.turns.length > 0 && (
                <Group gap={4} mt={4}>
                  {c.turns.map((i) => (
                    <Button
                      key={i}
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t('auto.turnAria', { n: i + 1, criterion: name })}
                      aria-pressed={selected === c.criterion}
                      onClick={() => onSelect(c, i)}
                    >
                      {t('auto.turnLink', { n: i + 1 })}
                    </Button>
                  ))}
                </Group>
              )}
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
