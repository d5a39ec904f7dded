/** One whole-number policy field; its problem (from parsePolicy) is shown under it. */
import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NUMBER_LIMITS, getAt, type Draft } from './policyDraft';

interface Props {
  path: string;
  draft: Draft;
  issues: Map<string, string>;
  onChange: (path: string, value: unknown) => void;
}

export function PolicyNumber({ path, draft, issues, onChange }: Props) {
  const { t } = useTranslation('admin');
  const limits = NUMBER_LIMITS[path];
  const value = getAt(draft, path);
  // No min/max on the input itself: Mantine would quietly clamp 99 to 5, and the admin would not
  // learn why. The range is said in words instead.
  return (
    <NumberInput
      label={t(`policy.field.${path}.label`)}
      description={t(`policy.field.${path}.hint`)}
      value={typeof value === 'number' || typeof value === 'string' ? value : ''}
      onChange={(v) => onChange(path, v)}
      allowDecimal={false}
      allowNegative={false}
      error={issues.has(path) && limits ? t('policy.range', { min: limits.min, max: limits.max }) : issues.get(path)}
      maw={320}
    />
  );
}
