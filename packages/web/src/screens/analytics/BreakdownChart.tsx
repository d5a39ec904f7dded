/**
 * Abuse rate per channel, team, hour of day or contact reason, as bars, with the contacts each
 * rate rests on in the table (a rate of 1,000 from one contact is not a trend).
 */
import { BarChart } from '@mantine/charts';
import { useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartPanel } from './ChartPanel';
import { DataTable } from './DataTable';
import { useAnalyticsFormat } from './numbers';
import type { GroupRow } from './types';

export function BreakdownChart({
  id,
  title,
  keyHeader,
  rows,
  labelOf,
}: {
  id: string;
  title: string;
  keyHeader: string;
  rows: GroupRow[];
  labelOf: (row: GroupRow) => string;
}) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const { dir } = useDirection();
  const rtl = dir === 'rtl';
  const data = rows.map((r) => ({ key: labelOf(r), rate: r.abuseRate ?? 0 }));
  return (
    <ChartPanel
      id={id}
      title={title}
      hint={t('chart.rateHint')}
      empty={rows.every((r) => r.contacts === 0) && t('chart.empty')}
      chart={
        <BarChart
          h={220}
          data={data}
          dataKey="key"
          series={[{ name: 'rate', label: t('chart.abuseRate'), color: 'orange.7' }]}
          valueFormatter={(v) => f.rate(v)}
          xAxisProps={{ reversed: rtl, interval: rows.length > 12 ? 1 : 0 }}
          yAxisProps={{ orientation: rtl ? 'right' : 'left', width: 48 }}
          gridAxis="y"
        />
      }
      table={
        <DataTable<GroupRow>
          caption={title}
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { header: keyHeader, cell: labelOf },
            { header: t('table.contacts'), cell: (r) => f.count(r.contacts) },
            { header: t('table.abusive'), cell: (r) => f.count(r.abusiveContacts) },
            { header: t('table.abuseRate'), cell: (r) => f.rate(r.abuseRate) },
            { header: t('table.deescalation'), cell: (r) => f.percent(r.deescalationSuccess) },
          ]}
        />
      }
    />
  );
}
