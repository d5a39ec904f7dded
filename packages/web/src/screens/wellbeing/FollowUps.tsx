/**
 * Promises made to customers (call back, send a form …) with when they are due. Due ones stand
 * out; when one falls due the server says so live and a notification appears.
 */
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError, post, type ApiError } from '../../api/client';
import { useLiveEvents } from '../../api/live';
import type { FollowUp } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useApi } from '../../lib/useApi';
import { useNow } from '../board/useNow';

function FollowUpItem({ followUp, now, onDone }: { followUp: FollowUp; now: number; onDone: () => void }) {
  const { t } = useTranslation('wellbeing');
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const due = new Date(followUp.dueAt).getTime() <= now;
  const done = async () => {
    setBusy(true);
    try {
      await post(`/api/follow-ups/${followUp.id}/done`);
      onDone();
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  };
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      bg={due ? 'orange.0' : undefined}
      style={{ listStyle: 'none', borderInlineStart: due ? '4px solid var(--mantine-color-orange-7)' : undefined }}
      data-testid="follow-up"
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text dir="auto">{followUp.text}</Text>
          <Group gap="xs">
            {due && (
              <Badge bg="orange.3" c="dark.9">
                {t('followUps.due')}
              </Badge>
            )}
            <Text size="xs" c="gray.7">
              {t('followUps.dueAt', { time: format.dateTime(followUp.dueAt) })}
            </Text>
          </Group>
        </Stack>
        <Button
          size="xs"
          variant="default"
          loading={busy}
          aria-label={t('followUps.markDone', { text: followUp.text })}
          onClick={() => void done()}
        >
          {t('followUps.done')}
        </Button>
      </Group>
      <ErrorNote error={error} />
    </Paper>
  );
}

export function FollowUps() {
  const { t } = useTranslation('wellbeing');
  const list = useApi<{ followUps: FollowUp[] }>('/api/follow-ups');
  const now = useNow(30_000);
  const [text, setText] = useState('');
  const [dueAt, setDueAt] = useState('');
  const { run, busy, error } = useAction();

  useLiveEvents((e) => {
    if (e.kind !== 'followup.due') return;
    const f = e.data as Partial<FollowUp> | null;
    notifications.show({ title: t('followUps.dueNow'), message: f?.text ?? '', color: 'orange', autoClose: 15_000 });
    void list.reload();
  });

  const add = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await post('/api/follow-ups', { text: text.trim(), dueAt: new Date(dueAt).toISOString() });
      setText('');
      setDueAt('');
      await list.reload();
    });
  };

  const items = list.data?.followUps ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="followups-heading">
      <Title order={2} size="h3" id="followups-heading">
        {t('followUps.heading')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('followUps.intro')}
      </Text>
      <ErrorNote error={list.error} />
      {list.data && items.length === 0 && <Text c="gray.7">{t('followUps.empty')}</Text>}
      {items.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0}>
          {items.map((f) => (
            <FollowUpItem key={f.id} followUp={f} now={now} onDone={() => void list.reload()} />
          ))}
        </Stack>
      )}
      <form onSubmit={(e) => void add(e)}>
        <Stack gap="xs">
          <ErrorNote error={error} />
          <TextInput label={t('followUps.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={1000} required />
          <TextInput
            type="datetime-local"
            label={t('followUps.dueInput')}
            value={dueAt}
            onChange={(e) => setDueAt(e.currentTarget.value)}
            required
          />
          <Group>
            <Button type="submit" variant="light" c="teal.9" loading={busy} disabled={!text.trim() || !dueAt}>
              {t('followUps.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
