/**
 * One alert on the board: what happened (kind, severity, reason, when), who has claimed it, and
 * the three things a supervisor does with it. A fresh alert is highlighted for a few seconds.
 */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError, post, type ApiError } from '../../api/client';
import type { Alert } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { SEVERITY_COLOUR, SeverityBadge } from './SeverityBadge';

interface Props {
  alert: Alert;
  fresh: boolean;
  names: ReadonlyMap<string, string>;
  onChanged: (alert: Alert) => void;
  onOpenConversation: (conversationId: string) => void;
}

export function AlertCard({ alert, fresh, names, onChanged, onOpenConversation }: Props) {
  const { t } = useTranslation('board');
  const { me, can } = useSession();
  const format = useFormat();
  const [busy, setBusy] = useState<'acknowledge' | 'resolve' | null>(null);
  const [error, setError] = useState<ApiError>();

  const act = async (verb: 'acknowledge' | 'resolve') => {
    setBusy(verb);
    setError(undefined);
    try {
      onChanged(await post<Alert>(`/api/alerts/${alert.id}/${verb}`));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const claimedBy = alert.acknowledgedBy;
  const claim =
    claimedBy === null
      ? null
      : claimedBy === me?.id
        ? t('alert.claimedByYou')
        : names.has(claimedBy)
          ? t('alert.claimedBy', { name: names.get(claimedBy) })
          : t('alert.claimedBySomeone');
  const mayUpdate = can('alerts:update');

  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      data-testid="alert-card"
      data-fresh={fresh || undefined}
      bg={fresh ? 'yellow.0' : undefined}
      style={{ borderInlineStart: `6px solid ${SEVERITY_COLOUR[alert.severity]}`, transition: 'background-color 1s' }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="wrap">
            <SeverityBadge severity={alert.severity} />
            <Title order={3} size="h4">
              {t(`alert.kind.${alert.kind}`)}
            </Title>
          </Group>
          <Text size="sm" c="gray.7">
            <time dateTime={alert.createdAt} title={format.dateTime(alert.createdAt)}>
              {t('alert.raised', { ago: format.ago(alert.createdAt) })}
            </time>
          </Text>
        </Group>
        <Text>{t(`alert.reason.${alert.reason}`, { defaultValue: alert.reason })}</Text>
        {claim && (
          <Text size="sm" fw={600} c="teal.9" data-testid="alert-claim">
            {claim}
          </Text>
        )}
        <ErrorNote error={error} />
        <Group gap="xs" wrap="wrap">
          {mayUpdate && alert.status === 'open' && (
            <Button size="sm" loading={busy === 'acknowledge'} disabled={busy !== null} onClick={() => void act('acknowledge')}>
              {t('alert.acknowledge')}
            </Button>
          )}
          {mayUpdate && (
            <Button size="sm" variant="default" loading={busy === 'resolve'} disabled={busy !== null} onClick={() => void act('resolve')}>
              {t('alert.resolve')}
            </Button>
          )}
          <Button size="sm" variant="subtle" onClick={() => onOpenConversation(alert.conversationId)}>
            {t('alert.openConversation')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
