/** A conversation's or message's label as a coloured badge with its name (never colour alone). */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../api/types';
import { riskLook } from './risk';

export function RiskBadge({ label, size = 'sm' }: { label: Label; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation('common');
  const look = riskLook(label);
  return (
    <Badge
      color={look.color}
      variant={look.variant}
      c={look.c}
      size={size}
      data-testid="risk-badge"
      data-label={label}
      style={{ flexShrink: 0 }}
    >
      {t(`label.${label}`)}
    </Badge>
  );
}
