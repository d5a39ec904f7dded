/**
 * The agent's open conversations as links (newest activity first): the worst label as a badge,
 * then language, channel and contact reason, so the agent sees at a glance which one needs care.
 */
import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Conversation } from '../../api/types';
import { LANGUAGES } from '../../i18n/languages';
import { useFormat } from '../../lib/format';
import { RiskBadge } from './RiskBadge';

function languageName(code: string | null): string | null {
  return LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

export function ConversationList({ conversations, selected }: { conversations: Conversation[]; selected: string | undefined }) {
  const { t } = useTranslation('console');
  const format = useFormat();
  if (conversations.length === 0) {
    return (
      <Text c="gray.7" size="sm" data-testid="no-conversations">
        {t('list.empty')}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-live="polite">
      {conversations.map((c) => {
        const current = c.id === selected;
        return (
          <li key={c.id}>
            <UnstyledButton
              component={Link}
              to={`/console/${c.id}`}
              aria-current={current ? 'page' : undefined}
              display="block"
              w="100%"
              data-testid="conversation-link"
            >
              <Paper
                withBorder
                p="xs"
                bg={current ? 'teal.0' : undefined}
                bd={current ? '1px solid var(--mantine-color-teal-7)' : undefined}
              >
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fw={600} size="sm" truncate>
                    {c.contactReason ?? t('list.noReason')}
                  </Text>
                  <RiskBadge label={c.worstLabel} size="xs" />
                </Group>
                <Text size="xs" c="gray.7">
                  {t('list.meta', {
                    language: languageName(c.language) ?? t('list.unknownLanguage'),
                    channel: t(`channel.${c.channel}`, { ns: 'common', defaultValue: c.channel }),
                    ago: format.ago(c.updatedAt),
                  })}
                </Text>
              </Paper>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}
