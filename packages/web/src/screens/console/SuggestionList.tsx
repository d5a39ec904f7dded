/**
 * Replies the protocol suggests for this moment, in the customer's language. Choosing one puts it
 * in the draft (the agent can still edit it) and remembers which reply it was, so the server never
 * suggests it twice.
 */
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../api/types';

export function SuggestionList({ suggestions, onChoose }: { suggestions: Suggestion[]; onChoose: (s: Suggestion) => void }) {
  const { t } = useTranslation('console');
  return (
    <Stack gap="xs" aria-live="polite">
      <Title order={3} size="h5">
        {t('suggestions.title')}
      </Title>
      {suggestions.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('suggestions.none')}
        </Text>
      )}
      {suggestions.map((s) => (
        <Button
          key={s.id}
          variant="default"
          h="auto"
          py="xs"
          justify="flex-start"
          onClick={() => onChoose(s)}
          data-testid="suggestion"
          styles={{ label: { whiteSpace: 'normal', textAlign: 'start', fontWeight: 400, lineHeight: 1.4 } }}
        >
          <span dir="auto">{s.text}</span>
        </Button>
      ))}
    </Stack>
  );
}
