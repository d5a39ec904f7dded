/**
 * The per-language parts of the policy: the crisis line to give a customer in each language, and
 * the polite or familiar "you" where the language has both. Language names are written in their
 * own language, so they need no translation.
 */
import { SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { CRISIS_PLACEHOLDERS, HAS_REGISTERS } from '@calmline/core/policy';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/languages';
import { getAt, type Draft, type Issues } from './policyDraft';
import { usePolicyIssueText } from './usePolicyIssueText';

interface Props {
  draft: Draft;
  issues: Issues;
  onChange: (path: string, value: unknown) => void;
}

export function CrisisResourceFields({ draft, issues, onChange }: Props) {
  const { t } = useTranslation('admin');
  const issue = usePolicyIssueText();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {LANGUAGES.map(({ code, name, dir }) => {
        const path = `crisis.resources.${code}`;
        const value = getAt(draft, path);
        const problem = issues.get(path);
        return (
          <TextInput
            key={code}
            label={t('policy.crisisLineIn', { language: name })}
            placeholder={CRISIS_PLACEHOLDERS[code]}
            dir={dir}
            lang={code}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(path, e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
            error={problem && issue.text(problem)}
          />
        );
      })}
    </SimpleGrid>
  );
}

export function RegisterFields({ draft, issues, onChange }: Props) {
  const { t } = useTranslation('admin');
  const issue = usePolicyIssueText();
  const withRegisters = LANGUAGES.filter((l) => HAS_REGISTERS.has(l.code));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {withRegisters.map(({ code, name }) => {
        const path = `register.${code}`;
        const value = getAt(draft, path) === 'informal' ? 'informal' : 'formal';
        const labelId = `register-${code}`;
        const problem = issues.get(path);
        return (
          <Stack key={code} gap={4}>
            <Text size="sm" fw={500} id={labelId} lang={code}>
              {name}
            </Text>
            <SegmentedControl
              aria-labelledby={labelId}
              value={value}
              onChange={(v) => onChange(path, v)}
              data={[
                { value: 'formal', label: t('policy.formal') },
                { value: 'informal', label: t('policy.informal') },
              ]}
            />
            {problem && (
              <Text size="xs" c="red">
                {issue.text(problem)}
              </Text>
            )}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}
