/**
 * A recruit's sessions for their coach, in a dialog: each finished one opens its report card, so
 * the coach can coach from what was actually said.
 */
import { Button, Loader, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { SessionList } from './SessionList';
import type { SessionSummary } from './types';

function Sessions({ userId }: { userId: string }) {
  const { t } = useTranslation('training');
  const sessions = useApi<{ sessions: SessionSummary[] }>(`/api/training/sessions?userId=${encodeURIComponent(userId)}`);
  if (sessions.error) return <ErrorNote error={sessions.error} />;
  if (!sessions.data) return <Loader size="sm" aria-label={t('loading', { ns: 'common' })} />;
  return <SessionList sessions={sessions.data.sessions} mine={false} />;
}

export function MemberSessions({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation('training');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={open} aria-label={t('progress.sessionsOf', { name })}>
        {t('progress.sessions')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('progress.sessionsOf', { name })} size="xl">
        {opened && <Sessions userId={userId} />}
      </Modal>
    </>
  );
}
