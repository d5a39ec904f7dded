/**
 * The review status as a badge. Shades are picked so the text keeps AA contrast (autoContrast puts
 * dark text on the light orange); red stays reserved for danger, so an open incident is orange.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from './incidentTypes';

const COLOURS: Record<IncidentStatus, string> = { open: 'orange.4', under_review: 'blue.9', closed: 'gray.7' };

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation('incidents');
  return (
    <Badge color={COLOURS[status]} variant="filled" autoContrast data-testid="incident-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
