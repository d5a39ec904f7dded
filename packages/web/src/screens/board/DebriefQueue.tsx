/**
 * Debriefs the team has asked for: a lead picks a time (a plain datetime-local field; no date
 * picker is installed) or marks one done. The list reloads from the server after each change.
 */
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../../api/client';
import type { TeamWellbeing } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useAction } from '../../lib/useAction';

type Debrief = TeamWellbeing['debriefs'][number];

function DebriefItem({ debrief, name, onChanged }: { debrief: Debrief; name: string; onChanged: () => void }) {
  const { t } = useTranslation('board');
  const format = useFormat();
  const [when, setWhen] = useState('');
  const { run, busy, error } = useAction();

  const change = (body: { scheduledFor?: string; status: Debrief['status'] }) =>
    run(async () => {
      await patch(`/api/wellbeing/debriefs/${debrief.id}`, body);
      onChanged();
    });

  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="debrief" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Text fw={600}>{t('debriefs.forAgent', { name })}</Text>
        {debrief.note && (
          <Text size="sm" dir="auto">
            {debrief.note}
          </Text>
        )}
        <Text size="xs" c="gray.7">
          {debrief.status === 'scheduled'
            ? t('debriefs.scheduledFor', { time: format.dateTime(debrief.scheduledFor) })
            : t('debriefs.askedAgo', { ago: format.ago(debrief.createdAt) })}
        </Text>
        <ErrorNote error={error} />
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            type="datetime-local"
            size="xs"
            label={t('debriefs.when')}
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
          />
          <Button
            size="xs"
            disabled={busy || when === ''}
            onClick={() => void change({ scheduledFor: new Date(when).toISOString(), status: 'scheduled' })}
          >
            {t('debriefs.schedule')}
          </Button>
          <Button size="xs" variant="default" disabled={busy} onClick={() => void change({ status: 'done' })}>
            {t('debriefs.markDone')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function DebriefQueue({ team, onChanged }: { team: TeamWellbeing; onChanged: () => void }) {
  const { t } = useTranslation('board');
  const names = new Map(team.members.map((m) => [m.userId, m.name]));
  return (
    <Stack gap="xs" component="section" aria-labelledby="debriefs-heading">
      <Title order={2} size="h3" id="debriefs-heading">
        {t('debriefs.heading')}
      </Title>
      {team.debriefs.length === 0 ? (
        <Text c="gray.7">{t('debriefs.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0}>
          {team.debriefs.map((d) => (
            <DebriefItem key={d.id} debrief={d} name={names.get(d.agentId) ?? t('debriefs.unknownAgent')} onChanged={onChanged} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
