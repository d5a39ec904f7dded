/** One whole-number policy field; its problem (from parsePolicy) is shown under it in the admin's language. */
import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getAt, type Draft, type Issues } from './policyDraft';
import { usePolicyIssueText } from './usePolicyIssueText';

interface Props {
  path: string;
  draft: Draft;
  issues: Issues;
  onChange: (path: string, value: unknown) => void;
}

export function PolicyNumber({ path, draft, issues, onChange }: Props) {
  const { t } = useTranslation('admin');
  const issue = usePolicyIssueText();
  const value = getAt(draft, path);
  const problem = issues.get(path);
  // No min/max on the input itself: Mantine would quietly clamp 99 to 5, and the admin would not
  // learn why. The range is said in words instead, from the limits the schema reports.
  return (
    <NumberInput
      label={t(`policy.field.${path}.label`)}
      description={t(`policy.field.${path}.hint`)}
      value={typeof value === 'number' || typeof value === 'string' ? value : ''}
      onChange={(v) => onChange(path, v)}
      allowDecimal={false}
      allowNegative={false}
      error={problem && issue.text(problem)}
      maw={320}
    />
  );
}
