/**
 * The review workflow: open → under review → closed, only forward. The screen offers just the next
 * step; closing asks first, because a closed record can no longer change.
 */
import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import { nextStatus, type Incident, type IncidentStatus } from './incidentTypes';
import { StatusBadge } from './StatusBadge';

export function ReviewStatus({ incident, onChanged }: { incident: Incident; onChanged: (i: Incident) => void }) {
  const { t } = useTranslation('incidents');
  const { can } = useSession();
  const [confirming, confirm] = useDisclosure(false);
  const { run, busy, error } = useAction();
  const next = can('incidents:update') ? nextStatus(incident.status) : null;

  const move = (to: IncidentStatus) =>
    run(async () => {
      const updated = await post<Incident>(`/api/incidents/${encodeURIComponent(incident.id)}/status`, { status: to });
      confirm.close();
      onChanged(updated);
      notifications.show({ color: 'teal', message: t(`review.movedTo.${to}`) });
    });

  return (
    <Stack gap="sm" component="section" aria-labelledby="review-title">
      <Title order={2} size="h3" id="review-title">
        {t('review.title')}
      </Title>
      <Group gap="xs">
        <Text>{t('review.current')}</Text>
        <StatusBadge status={incident.status} />
      </Group>
      <Text size="sm" c="gray.7">
        {t(`review.explain.${incident.status}`)}
      </Text>
      {next === 'under_review' && (
        <Group>
          <Button loading={busy} onClick={() => void move('under_review')}>
            {t('review.start')}
          </Button>
        </Group>
      )}
      {next === 'closed' && (
        <Group>
          <Button variant="outline" onClick={confirm.open}>
            {t('review.close')}
          </Button>
        </Group>
      )}
      {!confirming && <ErrorNote error={error} />}
      <Modal opened={confirming} onClose={confirm.close} title={t('review.confirmTitle')} centered>
        <Stack gap="md">
          <Text>{t('review.confirmBody')}</Text>
          <ErrorNote error={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={confirm.close}>
              {t('cancel', { ns: 'common' })}
            </Button>
            <Button loading={busy} onClick={() => void move('closed')}>
              {t('review.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
