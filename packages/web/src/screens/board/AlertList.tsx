/**
 * The board's main column: live alerts, newest first. New ones are announced assertively (a
 * supervisor must not miss a threat), the count politely; the tone is the supervisor's choice.
 */
import { Group, Loader, Stack, Switch, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { AlertCard } from './AlertCard';
import { useAlertSound } from './alertSound';
import { useLiveAlerts } from './useLiveAlerts';
import { useNow } from './useNow';

interface Props {
  names: ReadonlyMap<string, string>;
  onOpenConversation: (conversationId: string) => void;
}

export function AlertList({ names, onOpenConversation }: Props) {
  const { t } = useTranslation('board');
  const format = useFormat();
  const [soundOn, setSoundOn] = useAlertSound();
  const { alerts, error, fresh, announcements, upsert } = useLiveAlerts(soundOn);
  // Re-render twice a minute so "raised 3 minutes ago" stays true.
  useNow(30_000);

  return (
    <Stack gap="sm" component="section" aria-labelledby="alerts-heading">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} id="alerts-heading">
          {t('alerts.heading')}
        </Title>
        <Switch
          checked={soundOn}
          onChange={(e) => setSoundOn(e.currentTarget.checked)}
          label={t('alerts.sound')}
          description={t('alerts.soundHint')}
        />
      </Group>
      <VisuallyHidden aria-live="assertive" aria-relevant="additions" data-testid="alert-announcement">
        {announcements.map((a) => (
          <p key={a.id}>{a.text}</p>
        ))}
      </VisuallyHidden>
      <ErrorNote error={error} />
      {alerts === undefined && !error && <Loader size="sm" aria-label={t('common:loading')} />}
      {alerts !== undefined && (
        <Text size="sm" c="gray.7" aria-live="polite">
          {alerts.length === 0 ? t('alerts.empty') : t('alerts.count', { count: alerts.length, n: format.number(alerts.length) })}
        </Text>
      )}
      {alerts?.map((a) => (
        <AlertCard key={a.id} alert={a} fresh={fresh.has(a.id)} names={names} onChanged={upsert} onOpenConversation={onOpenConversation} />
      ))}
    </Stack>
  );
}
