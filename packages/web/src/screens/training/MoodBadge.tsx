/**
 * The simulated customer's mood as a word on a colour. The words sit in a polite live region, so a
 * screen reader hears "Customer's mood: angry" when the band changes, not on every reply.
 */
import { Badge, Group, Text } from '@mantine/core';
import type { Mood } from '@calmline/core';
import { useTranslation } from 'react-i18next';
import { MOOD_LOOK } from './look';

export function MoodBadge({ band }: { band: Mood }) {
  const { t } = useTranslation('training');
  const look = MOOD_LOOK[band];
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" aria-atomic="true" data-testid="mood" data-band={band}>
      <Text size="sm" c="gray.8" component="span">
        {t('mood.label')}
      </Text>
      <Badge color={look.color} c={look.c} variant="filled" size="lg">
        {t(`mood.${band}`)}
      </Badge>
    </Group>
  );
}
