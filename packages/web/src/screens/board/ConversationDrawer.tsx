/**
 * A conversation's timeline beside the board: messages (hidden words stay hidden until asked
 * for, one message at a time, so a supervisor is not hit by every insult at once), the step the
 * protocol is at, and what has been done. Agents and leads may jump to the console from here, and
 * anyone who reviews may open the conversation's review.
 */
import { Anchor, Badge, Button, Drawer, Group, List, Loader, Paper, Stack, Text, Title, useDirection } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Message, Organisation, Timeline } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';

function MessageItem({ message }: { message: Message }) {
  const { t } = useTranslation('board');
  const format = useFormat();
  const [revealed, setRevealed] = useState(false);
  const masked = message.analysis && message.analysis.masked !== message.text ? message.analysis.masked : null;
  const customer = message.author === 'customer';
  return (
    <Paper withBorder p="sm" radius="md" bg={customer ? 'gray.0' : undefined} data-testid="drawer-message">
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={600}>
          {customer ? t('conversation.customer') : t('conversation.agent')}
        </Text>
        <Group gap="xs">
          {message.analysis && message.analysis.label !== 'none' && (
            <Badge variant="light" color="gray" c="dark.7">
              {t(`common:label.${message.analysis.label}`)}
            </Badge>
          )}
          <Text size="xs" c="gray.7">
            {format.time(message.createdAt)}
          </Text>
        </Group>
      </Group>
      {/* dir="auto": a customer may write Hebrew on an English screen, or the other way round. */}
      <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
        {masked && !revealed ? masked : message.text}
      </Text>
      {masked && (
        <Group gap="xs" mt={4}>
          {!revealed && (
            <Text size="xs" c="gray.7">
              {t('conversation.hiddenWords')}
            </Text>
          )}
          <Button size="compact-xs" variant="subtle" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
            {revealed ? t('conversation.hideWords') : t('conversation.showWords')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

function TimelineView({ timeline, maxWarnings }: { timeline: Timeline; maxWarnings: number | undefined }) {
  const { t } = useTranslation('board');
  const format = useFormat();
  const { can } = useSession();
  const protocol = timeline.conversation.protocol;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">
          {t(`common:channel.${timeline.conversation.channel}`, { defaultValue: timeline.conversation.channel })} ·{' '}
          {format.dateTime(timeline.conversation.createdAt)}
        </Text>
        {can('conversations:act') && (
          <Anchor component={Link} to={`/console/${timeline.conversation.id}`}>
            {t('conversation.openInConsole')}
          </Anchor>
        )}
        {can('reviews:write') && (
          <Anchor component={Link} to={`/reviews/conversation/${timeline.conversation.id}`}>
            {t('drawerLink', { ns: 'reviews' })}
          </Anchor>
        )}
      </Group>
      {protocol && (protocol.step !== 'warned' || maxWarnings !== undefined) && (
        <Text fw={600}>
          {t('conversation.step', {
            step: t(`common:step.${protocol.step}`, { count: protocol.warnings, max: maxWarnings }),
          })}
        </Text>
      )}
      <Title order={3} size="h5">
        {t('conversation.messages')}
      </Title>
      {timeline.messages.length === 0 && <Text c="gray.7">{t('conversation.noMessages')}</Text>}
      {timeline.messages.map((m) => (
        <MessageItem key={m.id} message={m} />
      ))}
      <Title order={3} size="h5">
        {t('conversation.actionsTaken')}
      </Title>
      {timeline.actions.length === 0 ? (
        <Text c="gray.7">{t('conversation.noActions')}</Text>
      ) : (
        <List spacing={4}>
          {timeline.actions.map((a) => (
            <List.Item key={a.id}>
              {t(`conversation.action.${a.action}`)} · {format.time(a.createdAt)}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

export function ConversationDrawer({ conversationId, onClose }: { conversationId: string | null; onClose: () => void }) {
  const { t } = useTranslation('board');
  const { dir } = useDirection();
  const timeline = useApi<Timeline>(conversationId ? `/api/conversations/${conversationId}` : null);
  // "Warning 1 of 2" needs the organisation's limit.
  const organisation = useApi<Organisation>(conversationId ? '/api/organisation' : null);
  return (
    <Drawer
      opened={conversationId !== null}
      onClose={onClose}
      title={t('conversation.title')}
      position={dir === 'rtl' ? 'left' : 'right'}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <ErrorNote error={timeline.error} />
      {timeline.loading && !timeline.data && <Loader size="sm" aria-label={t('common:loading')} />}
      {timeline.data && <TimelineView timeline={timeline.data} maxWarnings={organisation.data?.policy.warningsBeforeEnd} />}
    </Drawer>
  );
}
