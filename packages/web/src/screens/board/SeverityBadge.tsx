/**
 * Severity as a word and a colour together (never colour alone): critical is solid red, high
 * orange, medium yellow, each with text dark or light enough to read on it.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../api/types';

type Severity = Alert['severity'];

export const SEVERITY_COLOUR: Record<Severity, string> = {
  critical: 'var(--mantine-color-red-8)',
  high: 'var(--mantine-color-orange-7)',
  medium: 'var(--mantine-color-yellow-5)',
};

const LOOK: Record<Severity, { bg: string; c: string }> = {
  critical: { bg: 'red.8', c: 'white' },
  // Orange and yellow text on a light background fall below AA contrast: dark text on the colour.
  high: { bg: 'orange.3', c: 'dark.9' },
  medium: { bg: 'yellow.3', c: 'dark.9' },
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation('board');
  const look = LOOK[severity];
  return (
    <Badge
      size="lg"
      radius="sm"
      bg={look.bg}
      c={look.c}
      bd={severity === 'critical' ? undefined : `1px solid ${SEVERITY_COLOUR[severity]}`}
      data-testid="alert-severity"
    >
      {t(`alert.severity.${severity}`)}
    </Badge>
  );
}
