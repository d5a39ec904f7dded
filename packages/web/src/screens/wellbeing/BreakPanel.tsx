/**
 * Taking a recovery break: the current one with a countdown and "End break", or a choice of
 * length (the organisation's suggestion preselected) and "Start a break".
 */
import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import type { MyWellbeing } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useNow } from '../board/useNow';

const LENGTHS = [5, 10, 15, 20];
type Break = NonNullable<MyWellbeing['currentBreak']>;

function Countdown({ current }: { current: Break }) {
  const { t, i18n } = useTranslation('wellbeing');
  const format = useFormat();
  const now = useNow(1_000);
  const end = new Date(new Date(current.startedAt).getTime() + current.plannedMinutes * 60_000);
  const leftSeconds = Math.max(0, Math.round((end.getTime() - now) / 1000));
  // m:ss in the UI's own digits (Arabic has its own).
  const two = new Intl.NumberFormat(i18n.language, { minimumIntegerDigits: 2 });
  const left = `${format.number(Math.floor(leftSeconds / 60))}:${two.format(leftSeconds % 60)}`;
  return (
    <Stack gap={4}>
      <Text fw={600} data-testid="break-until">
        {t('break.onBreakUntil', { time: format.time(end.toISOString()) })}
      </Text>
      {leftSeconds > 0 ? (
        <Text size="xl" fw={700} c="teal.9" role="timer" aria-live="off">
          {t('break.left', { time: left })}
        </Text>
      ) : (
        <Text role="status">{t('break.over')}</Text>
      )}
    </Stack>
  );
}

export function BreakPanel({ wellbeing, onChanged }: { wellbeing: MyWellbeing; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('wellbeing');
  const format = useFormat();
  const lengths = LENGTHS.includes(wellbeing.suggestedBreakMinutes)
    ? LENGTHS
    : [...LENGTHS, wellbeing.suggestedBreakMinutes].sort((a, b) => a - b);
  const [minutes, setMinutes] = useState(String(wellbeing.suggestedBreakMinutes));
  const action = useAction();
  const { busy, error } = action;
  const current = wellbeing.currentBreak;

  const run = (call: () => Promise<unknown>) =>
    action.run(async () => {
      await call();
      await onChanged();
    });

  return (
    <Stack gap="sm" component="section" aria-labelledby="break-heading">
      <Title order={2} size="h3" id="break-heading">
        {t('break.heading')}
      </Title>
      <ErrorNote error={error} />
      {current ? (
        <>
          <Countdown current={current} />
          <Group>
            <Button loading={busy} onClick={() => void run(() => post(`/api/wellbeing/breaks/${current.id}/end`))}>
              {t('break.end')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text size="sm" id="break-length">
            {t('break.length')}
          </Text>
          <SegmentedControl
            aria-labelledby="break-length"
            value={minutes}
            onChange={setMinutes}
            data={lengths.map((m) => ({ value: String(m), label: t('break.minutes', { count: m, n: format.number(m) }) }))}
          />
          <Text size="sm" c="gray.7">
            {t('break.routingNote')}
          </Text>
          <Group>
            <Button
              loading={busy}
              onClick={() =>
                void run(() =>
                  post('/api/wellbeing/breaks', { minutes: Number(minutes), reason: wellbeing.overThreshold ? 'exposure' : 'self' }),
                )
              }
            >
              {t('break.start')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
