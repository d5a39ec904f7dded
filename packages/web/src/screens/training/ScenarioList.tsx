/**
 * Every scenario, gentlest first (the server's order), filtered by the customer's language and the
 * difficulty. The language filter starts at "all": trainees often practise in a second language.
 */
import { Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/languages';
import { ScenarioCard } from './ScenarioCard';
import type { ScenarioSummary } from './types';

export function ScenarioList({ scenarios, onStart }: { scenarios: ScenarioSummary[]; onStart: (s: ScenarioSummary) => void }) {
  const { t } = useTranslation('training');
  const [lang, setLang] = useState<string>('all');
  const [level, setLevel] = useState<string>('all');
  const langs = LANGUAGES.filter((l) => scenarios.some((s) => s.lang === l.code));
  const levels = [...new Set(scenarios.map((s) => s.difficulty))].sort();
  const shown = scenarios.filter((s) => (lang === 'all' || s.lang === lang) && (level === 'all' || String(s.difficulty) === level));
  return (
    <Stack gap="sm" component="section" aria-labelledby="scenarios-heading">
      <Title order={2} size="h3" id="scenarios-heading">
        {t('scenarios.heading')}
      </Title>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('scenarios.language')}
          value={lang}
          onChange={(v) => setLang(v ?? 'all')}
          data={[{ value: 'all', label: t('scenarios.all') }, ...langs.map((l) => ({ value: l.code, label: l.name }))]}
          allowDeselect={false}
          w={200}
          data-testid="filter-language"
        />
        <Select
          label={t('scenarios.difficulty')}
          value={level}
          onChange={(v) => setLevel(v ?? 'all')}
          data={[{ value: 'all', label: t('scenarios.all') }, ...levels.map((d) => ({ value: String(d), label: t(`difficulty.${d}`) }))]}
          allowDeselect={false}
          w={200}
          data-testid="filter-difficulty"
        />
        <Text size="sm" c="gray.7" aria-live="polite">
          {t('scenarios.count', { n: shown.length })}
        </Text>
      </Group>
      {shown.length === 0 ? (
        <Text c="gray.7">{t('scenarios.empty')}</Text>
      ) : (
        <SimpleGrid component="ul" cols={{ base: 1, md: 2, xl: 3 }} spacing="md" p={0} m={0}>
          {shown.map((s) => (
            <ScenarioCard key={s.id} scenario={s} onStart={() => onStart(s)} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
