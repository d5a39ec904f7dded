/** What the protocol recommends now, each with why; urgent ones first and marked so. */
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecommendedAction } from '../../api/types';

export function RecommendedActions({ actions }: { actions: RecommendedAction[] }) {
  const { t } = useTranslation('console');
  // The break has its own prompt; listing it here too would be clutter.
  const shown = actions.filter((a) => a.action !== 'suggest_break').sort((a, b) => Number(b.urgent) - Number(a.urgent));
  return (
    <Stack gap="xs" aria-live="polite" data-testid="recommended-actions">
      <Title order={3} size="h5">
        {t('recommended.title')}
      </Title>
      {shown.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('recommended.none')}
        </Text>
      ) : (
        <List listStyleType="none" spacing="xs" p={0}>
          {shown.map((a) => (
            <List.Item key={`${a.action}-${a.reason}`}>
              <Paper
                withBorder
                p="xs"
                bd={a.urgent ? '2px solid var(--mantine-color-red-8)' : undefined}
                bg={a.urgent ? 'red.0' : undefined}
              >
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" fw={600}>
                    {t(`recommend.${a.action}`)}
                  </Text>
                  {a.urgent && (
                    <Badge color="red.8" variant="filled" size="sm">
                      {t('recommended.urgent')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="gray.7">
                  {t(`reason.${a.reason}`)}
                </Text>
              </Paper>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
