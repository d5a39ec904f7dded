/**
 * A chart with a name and its numbers: the drawing is one image named for what it shows, and the
 * same figures are always in a table, hidden from the eye until "Show as table" is pressed, so
 * screen readers and people who prefer numbers get them either way.
 */
import { Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ChartPanel({
  id,
  title,
  hint,
  chart,
  table,
  empty,
}: {
  id: string;
  title: string;
  hint?: string;
  chart: ReactNode;
  table: ReactNode;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | false;
}) {
  const { t } = useTranslation('analytics');
  const [asTable, setAsTable] = useState(false);
  return (
    <Stack gap="xs" component="section" aria-labelledby={`${id}-heading`} data-testid={`chart-${id}`}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={3} size="h4" id={`${id}-heading`}>
            {title}
          </Title>
          {hint && (
            <Text size="xs" c="gray.7">
              {hint}
            </Text>
          )}
        </div>
        {!empty && (
          <Button
            variant="subtle"
            size="compact-sm"
            aria-pressed={asTable}
            aria-describedby={`${id}-heading`}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? t('chart.showChart') : t('chart.showTable')}
          </Button>
        )}
      </Group>
      {empty ? (
        <Text c="gray.7" size="sm">
          {empty}
        </Text>
      ) : (
        <>
          {!asTable && (
            <div role="img" aria-label={title}>
              {chart}
            </div>
          )}
          {asTable ? table : <VisuallyHidden>{table}</VisuallyHidden>}
        </>
      )}
    </Stack>
  );
}
