/** My debriefs and asking my lead for one, with an optional note of what it is about. */
import { Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import type { MyWellbeing } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useAction } from '../../lib/useAction';

export function DebriefPanel({ wellbeing, onChanged }: { wellbeing: MyWellbeing; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('wellbeing');
  const format = useFormat();
  const [note, setNote] = useState('');
  const { run, busy, error } = useAction();
  const [asked, setAsked] = useState(false);

  const ask = async () => {
    setAsked(false);
    await run(async () => {
      await post('/api/wellbeing/debriefs', note.trim() ? { note: note.trim() } : {});
      setNote('');
      setAsked(true);
      await onChanged();
    });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="debriefs-heading">
      <Title order={2} size="h3" id="debriefs-heading">
        {t('debriefs.heading')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('debriefs.intro')}
      </Text>
      {wellbeing.debriefs.length === 0 ? (
        <Text c="gray.7">{t('debriefs.empty')}</Text>
      ) : (
        <List spacing={6} data-testid="my-debriefs">
          {wellbeing.debriefs.map((d) => (
            <List.Item key={d.id}>
              <Text size="sm" fw={600}>
                {d.status === 'scheduled'
                  ? t('debriefs.status.scheduled', { time: format.dateTime(d.scheduledFor) })
                  : t(`debriefs.status.${d.status}`)}
              </Text>
              <Text size="xs" c="gray.7">
                {t('debriefs.askedAgo', { ago: format.ago(d.createdAt) })}
              </Text>
              {d.note && (
                <Text size="sm" dir="auto">
                  {d.note}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      <ErrorNote error={error} />
      <Textarea
        label={t('debriefs.note')}
        placeholder={t('debriefs.notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
      />
      <Group>
        <Button variant="light" c="teal.9" loading={busy} onClick={() => void ask()}>
          {t('debriefs.ask')}
        </Button>
      </Group>
      <Text size="sm" role="status" c="teal.9">
        {asked ? t('debriefs.asked') : ''}
      </Text>
    </Stack>
  );
}
