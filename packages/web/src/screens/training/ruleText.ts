/**
 * A cohort's readiness rule as one sentence: "3 passes at 70 % or more, difficulty Moderate or harder".
 */
import { useTranslation } from 'react-i18next';
import { usePercent } from './look';
import type { ReadinessRule } from './types';

export function useRuleText(): (rule: ReadinessRule) => string {
  const { t } = useTranslation('training');
  const percent = usePercent();
  return (rule) => t('rule.summary', { passes: rule.passes, score: percent(rule.minScore), level: t(`difficulty.${rule.minDifficulty}`) });
}
