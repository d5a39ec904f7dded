/**
 * My hard contacts in the window against the organisation's limits, as plain bars with the
 * numbers in words. Over the limit is met with a kind note, not an alarm.
 */
import { Alert, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyWellbeing } from '../../api/types';
import { useFormat } from '../../lib/format';

function Bar({ label, value, max }: { label: string; value: number; max: number }) {
  const reached = max > 0 && value >= max;
  return (
    <Stack gap={4}>
      <Text size="sm">{label}</Text>
      <Progress
        value={max > 0 ? Math.min(100, (value / max) * 100) : 0}
        color={reached ? 'orange.7' : 'teal.7'}
        size="lg"
        radius="xl"
        aria-label={label}
      />
    </Stack>
  );
}

export function ExposureBars({ wellbeing }: { wellbeing: MyWellbeing }) {
  const { t } = useTranslation('wellbeing');
  const format = useFormat();
  const { exposure, thresholds } = wellbeing;
  const sentence = (key: string, value: number, max: number) => t(key, { count: value, n: format.number(value), max: format.number(max) });
  return (
    <Stack gap="sm" component="section" aria-labelledby="exposure-heading">
      <Title order={2} size="h3" id="exposure-heading">
        {t('exposure.heading')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('exposure.window', { count: wellbeing.windowHours, n: format.number(wellbeing.windowHours) })}
      </Text>
      <Bar
        label={sentence('exposure.abuse', exposure.abuse, thresholds.abuseContacts)}
        value={exposure.abuse}
        max={thresholds.abuseContacts}
      />
      <Bar
        label={sentence('exposure.threat', exposure.threat, thresholds.threatContacts)}
        value={exposure.threat}
        max={thresholds.threatContacts}
      />
      <Bar
        label={sentence('exposure.selfHarm', exposure.selfHarm, thresholds.selfHarmContacts)}
        value={exposure.selfHarm}
        max={thresholds.selfHarmContacts}
      />
      {wellbeing.overThreshold && (
        <Alert color="blue" variant="light" title={t('exposure.overTitle')} styles={{ title: { color: 'var(--mantine-color-blue-9)' } }}>
          {t('exposure.overNote')}
        </Alert>
      )}
    </Stack>
  );
}
