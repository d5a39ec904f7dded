/**
 * One scenario in the list: its title, brief and customer in the scenario's language, its language
 * and difficulty, and what it contains as badges, so a trainee knows what they are choosing.
 */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/languages';
import type { ScenarioSummary } from './types';

export function ScenarioCard({ scenario, onStart }: { scenario: ScenarioSummary; onStart: () => void }) {
  const { t } = useTranslation('training');
  const language = LANGUAGES.find((l) => l.code === scenario.lang)?.name ?? scenario.lang;
  return (
    <Paper component="li" withBorder p="md" radius="md" style={{ listStyle: 'none' }} data-testid="scenario" data-scenario={scenario.id}>
      <Stack gap="xs" h="100%">
        <Title order={3} size="h5" lang={scenario.lang} dir="auto">
          {scenario.title}
        </Title>
        <Group gap={6}>
          <Badge variant="outline" color="gray.8" lang={scenario.lang}>
            {language}
          </Badge>
          <Badge variant="light" color="blue" c="blue.9">
            {t(`difficulty.${scenario.difficulty}`)}
          </Badge>
        </Group>
        <Text size="sm" lang={scenario.lang} dir="auto">
          {scenario.brief}
        </Text>
        <Text size="sm" c="gray.8" lang={scenario.lang} dir="auto">
          <strong>{scenario.persona.name}</strong> — {scenario.persona.description}
        </Text>
        <Group gap={6} aria-label={t('scenarios.contains')} role="group">
          {scenario.contentNotes.map((n) => (
            <Badge key={n} variant="light" color={n === 'anger' || n === 'profanity' ? 'gray' : 'orange'} c="dark.7" data-note={n}>
              {t(`contentNote.${n}`)}
            </Badge>
          ))}
        </Group>
        <Group mt="auto" justify="flex-end">
          <Button onClick={onStart} aria-label={t('scenarios.startNamed', { title: scenario.title })}>
            {t('scenarios.start')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
