/**
 * The numbers on screen as CSV files for a spreadsheet, with the same period and filters. Plain
 * links on the same origin: the session cookie goes along and the browser saves the file.
 */
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { reportQuery, type Filters } from './filters';

const REPORTS = ['summary', 'series', 'reasons', 'terms'] as const;

export function ExportLinks({ filters }: { filters: Filters }) {
  const { t } = useTranslation('analytics');
  return (
    <Group gap="xs" align="center" component="section" aria-labelledby="analytics-export-title">
      <Text id="analytics-export-title" size="sm" fw={600}>
        {t('export.title')}
      </Text>
      {REPORTS.map((r) => (
        <Button
          key={r}
          component="a"
          href={`/api/analytics/export.csv${reportQuery(filters, { report: r })}`}
          download={`calmline-${r}.csv`}
          variant="default"
          size="xs"
          data-testid={`export-${r}`}
        >
          {t(`export.${r}`)}
        </Button>
      ))}
    </Group>
  );
}
