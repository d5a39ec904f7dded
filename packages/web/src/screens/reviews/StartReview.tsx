/**
 * "Review a conversation": the most recent conversations the person may read (the server scopes
 * them: an agent's own, a lead's teams'), each a link to its review page.
 */
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Conversation } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { reviewPath } from './types';

const RECENT = 20;

export function StartReview() {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const { data, error } = useApi<{ conversations: Conversation[] }>(`/api/conversations?limit=${RECENT}`);
  return (
    <Stack gap="sm" component="section" aria-labelledby="start-review-heading">
      <Title order={2} size="h3" id="start-review-heading">
        {t('start.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('start.intro')}
      </Text>
      <ErrorNote error={error} />
      {data && data.conversations.length === 0 && <Text c="gray.7">{t('start.empty')}</Text>}
      {data && data.conversations.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="review-candidates">
          {data.conversations.map((c) => {
            const date = format.dateTime(c.createdAt);
            return (
              <Paper component="li" key={c.id} withBorder p="xs">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={2}>
                    <Text fw={600} size="sm">
                      {c.contactReason ?? t('start.noReason')}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {t(`channel.${c.channel}`, { ns: 'common', defaultValue: c.channel })} · {date} ·{' '}
                      {t('start.messages', { count: c.messageCount, n: format.number(c.messageCount) })}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    {c.worstLabel !== 'none' && (
                      <Badge variant="light" color="gray" c="dark.7">
                        {t(`label.${c.worstLabel}`, { ns: 'common' })}
                      </Badge>
                    )}
                    <Anchor component={Link} to={reviewPath('conversation', c.id)} aria-label={t('start.reviewAria', { date })}>
                      {t('start.review')}
                    </Anchor>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
