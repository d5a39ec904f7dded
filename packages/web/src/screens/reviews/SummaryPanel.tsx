/**
 * The overall word on a transcript: my own summary (saving it starts my review if I have none yet)
 * and the summaries of the other reviews I may read, each with its author.
 */
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../api/client';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import type { Review } from './types';

interface Props {
  path: string;
  reviews: Review[];
  onSaved: () => Promise<void>;
}

export function SummaryPanel({ path, reviews, onSaved }: Props) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const { me } = useSession();
  const mine = reviews.find((r) => r.author.id === me?.id);
  const others = reviews.filter((r) => r !== mine);
  const [summary, setSummary] = useState(mine?.summary ?? '');
  const [saved, setSaved] = useState(false);
  const { run, busy, error } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const done = await run(async () => {
      await put(path, { summary: summary.trim() || null });
      await onSaved();
      return true;
    });
    if (done) setSaved(true);
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="summary-heading">
      <Title order={2} size="h3" id="summary-heading">
        {t('summary.title')}
      </Title>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="xs">
          <ErrorNote error={error} />
          <Textarea
            label={t('summary.label')}
            description={t('summary.hint')}
            value={summary}
            onChange={(e) => {
              setSummary(e.currentTarget.value);
              setSaved(false);
            }}
            maxLength={4000}
            autosize
            minRows={3}
            dir="auto"
          />
          <Group gap="sm">
            <Button type="submit" size="xs" variant="light" c="teal.9" loading={busy}>
              {t('summary.save')}
            </Button>
            {saved && (
              <Text size="sm" c="teal.9" role="status">
                {t('summary.saved')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      {others.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('summary.others')}
          </Title>
          {others.map((r) => (
            <Paper key={r.id} withBorder p="xs" data-testid="other-review">
              <Text size="sm" fw={600}>
                {r.author.name}
              </Text>
              <Text size="xs" c="gray.7">
                {t('summary.noteCount', { count: r.notes.length, n: format.number(r.notes.length) })} · {format.dateTime(r.updatedAt)}
              </Text>
              {r.summary && (
                <Text size="sm" dir="auto" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {r.summary}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
