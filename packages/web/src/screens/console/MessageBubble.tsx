/**
 * One message. Customer messages start at the inline start and show the masked text while the
 * shield is on; "Show original" reveals one message for the agent who needs the exact words (for a
 * report, say). Agent messages sit at the inline end. Only what is shown is in the page.
 */
import { Box, Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../api/types';
import { useFormat } from '../../lib/format';
import { RiskBadge } from './RiskBadge';

interface Props {
  message: Message;
  shield: boolean;
  revealed: boolean;
  onToggle: () => void;
}

export function MessageBubble({ message, shield, revealed, onToggle }: Props) {
  const { t } = useTranslation('console');
  const format = useFormat();
  const customer = message.author === 'customer';
  const masked = message.analysis?.masked;
  const maskable = customer && masked !== undefined && masked !== message.text;
  const text = maskable && shield && !revealed ? masked : message.text;
  const label = message.analysis?.label;

  return (
    <Box
      component="li"
      style={{ alignSelf: customer ? 'flex-start' : 'flex-end', maxWidth: '85%' }}
      data-testid={customer ? 'customer-message' : 'agent-message'}
    >
      <Paper p="xs" withBorder bg={customer ? 'gray.0' : 'teal.0'}>
        <Group gap="xs" mb={4} justify="space-between" wrap="nowrap">
          <Text size="xs" c="gray.7" fw={600}>
            {customer ? t('message.customer') : t('message.you')} · {format.time(message.createdAt)}
          </Text>
          {label && label !== 'none' && <RiskBadge label={label} size="xs" />}
        </Group>
        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text}
        </Text>
        {maskable && shield && (
          <Button variant="subtle" size="compact-xs" mt={4} aria-pressed={revealed} onClick={onToggle}>
            {t('message.showOriginal')}
          </Button>
        )}
      </Paper>
    </Box>
  );
}
