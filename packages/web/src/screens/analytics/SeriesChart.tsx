/**
 * The abuse rate over the period, one point per day or week, as a line; days without contacts are
 * gaps, not zeros. Right to left, time runs from the right as the page reads.
 */
import { LineChart } from '@mantine/charts';
import { useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartPanel } from './ChartPanel';
import { DataTable } from './DataTable';
import { useAnalyticsFormat } from './numbers';
import type { SeriesRow, Summary } from './types';

export function SeriesChart({ summary }: { summary: Summary }) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const { dir } = useDirection();
  const rtl = dir === 'rtl';
  const data = summary.series.map((s) => ({ day: f.day(s.start), rate: s.abuseRate }));
  const title = summary.window.interval === 'week' ? t('chart.seriesWeekly') : t('chart.seriesDaily');
  return (
    <ChartPanel
      id="series"
      title={title}
      hint={t('chart.rateHint')}
      empty={summary.totals.contacts === 0 && t('chart.empty')}
      chart={
        <LineChart
          h={240}
          data={data}
          dataKey="day"
          series={[{ name: 'rate', label: t('chart.abuseRate'), color: 'red.7' }]}
          curveType="monotone"
          connectNulls={false}
          valueFormatter={(v) => f.rate(v)}
          xAxisProps={{ reversed: rtl, minTickGap: 16 }}
          yAxisProps={{ orientation: rtl ? 'right' : 'left', width: 48 }}
          gridAxis="y"
          withDots={data.length <= 31}
        />
      }
      table={
        <DataTable<SeriesRow>
          caption={title}
          rows={summary.series}
          rowKey={(r) => r.start}
          columns={[
            { header: summary.window.interval === 'week' ? t('table.weekOf') : t('table.day'), cell: (r) => f.fullDay(r.start) },
            { header: t('table.contacts'), cell: (r) => f.count(r.contacts) },
            { header: t('table.abusive'), cell: (r) => f.count(r.abusiveContacts) },
            { header: t('table.abuseRate'), cell: (r) => f.rate(r.abuseRate) },
          ]}
        />
      }
    />
  );
}
