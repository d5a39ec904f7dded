/**
 * "Report: this was not OK" — always there, no classification needed: the agent's word is enough
 * to open an incident. The note is optional; the confirmation names the incident so the agent can
 * find it again.
 */
import { Anchor, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../api/client';
import type { Reply } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';

type Reported = Reply<'/api/conversations/{id}/report', 'post'>;

export function ReportButton({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('console');
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const { run, busy: sending, error, clearError } = useAction();
  const [incident, setIncident] = useState<Reported>();

  const close = () => {
    setOpen(false);
    clearError();
    if (incident) {
      setIncident(undefined);
      setNote('');
    }
  };

  const send = () =>
    run(async () => {
      setIncident(await post<Reported>(`/api/conversations/${conversationId}/report`, note.trim() ? { note: note.trim() } : {}));
    });

  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpen(true)}>
        {t('report.button')}
      </Button>
      <Modal opened={open} onClose={close} title={t('report.title')} centered>
        {incident ? (
          <Stack gap="sm" role="status">
            <Text size="sm" data-testid="report-confirmation">
              {t('report.done', { id: incident.id })}
            </Text>
            <Group justify="space-between">
              <Anchor component={Link} to={`/incidents/${incident.id}`} size="sm">
                {t('report.open')}
              </Anchor>
              <Button onClick={close}>{t('close', { ns: 'common' })}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{t('report.intro')}</Text>
            <Textarea
              label={t('report.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={5000}
            />
            <ErrorNote error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('cancel', { ns: 'common' })}
              </Button>
              <Button onClick={() => void send()} loading={sending}>
                {t('report.send')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
