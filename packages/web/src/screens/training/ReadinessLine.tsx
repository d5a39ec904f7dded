/**
 * Where a recruit stands against their cohort's rule, in one line both the recruit and the coach
 * read: "2 of 3 scenarios passed at 70 %", "Ready — waiting for the coach's sign-off", "Signed off".
 */
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { usePercent } from './look';
import type { Readiness, ReadinessRule } from './types';

interface Props {
  readiness: Readiness;
  rule: ReadinessRule;
  signedOffAt: string | null;
  /** The coach's table says "waiting for your sign-off"; the recruit's page "your coach's". */
  viewer: 'recruit' | 'coach';
  titleOf: (scenarioId: string) => string;
}

export function ReadinessLine({ readiness, rule, signedOffAt, viewer, titleOf }: Props) {
  const { t } = useTranslation('training');
  const percent = usePercent();
  const format = useFormat();
  if (signedOffAt)
    return (
      <Badge color="teal.8" variant="filled" data-testid="readiness" data-state="signed-off">
        {t('readiness.signedOff', { date: format.date(signedOffAt) })}
      </Badge>
    );
  if (readiness.ready)
    return (
      <Badge color="blue.8" variant="filled" data-testid="readiness" data-state="ready" style={{ whiteSpace: 'normal', height: 'auto' }}>
        {t(viewer === 'recruit' ? 'readiness.readyRecruit' : 'readiness.readyCoach')}
      </Badge>
    );
  return (
    <Stack gap={2} data-testid="readiness" data-state="in-training">
      <Text size="sm">
        {t('readiness.progress', {
          passes: readiness.passes,
          needed: readiness.passesNeeded,
          score: percent(rule.minScore),
        })}
      </Text>
      <Text size="xs" c="gray.7">
        {t('readiness.level', { level: t(`difficulty.${rule.minDifficulty}`) })}
      </Text>
      {readiness.missingScenarios.length > 0 && (
        <Text size="xs" c="gray.7">
          {t('readiness.missing', { list: readiness.missingScenarios.map(titleOf).join(', ') })}
        </Text>
      )}
    </Stack>
  );
}
