/**
 * How the customer's mood went, line by line: a small line chart from calm to hostile for the eye,
 * and the same as a table for screen readers (the chart itself is hidden from them).
 */
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Stack, Table, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MOOD_BANDS } from './look';
import type { Mood } from './types';

export function MoodChart({ moods }: { moods: Mood[] }) {
  const { t } = useTranslation('training');
  const data = moods.map((band, i) => ({ line: i + 1, mood: MOOD_BANDS.indexOf(band) }));
  const moodName = (v: number) => {
    const band = MOOD_BANDS[Math.round(v)];
    return band ? t(`mood.${band}`) : '';
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="mood-chart-heading">
      <Title order={2} size="h4" id="mood-chart-heading">
        {t('chart.heading')}
      </Title>
      <div aria-hidden="true" data-testid="mood-chart">
        <LineChart
          h={180}
          data={data}
          dataKey="line"
          series={[{ name: 'mood', color: 'orange.7', label: t('chart.mood') }]}
          curveType="linear"
          valueFormatter={moodName}
          yAxisProps={{ domain: [0, 3], ticks: [0, 1, 2, 3], width: 96 }}
          xAxisLabel={t('chart.line')}
          withTooltip={false}
          gridAxis="y"
        />
      </div>
      <VisuallyHidden>
        <Table>
          <caption>{t('chart.heading')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('chart.line')}</Table.Th>
              <Table.Th scope="col">{t('chart.mood')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {moods.map((band, i) => (
              <Table.Tr key={i}>
                <Table.Th scope="row">{i + 1}</Table.Th>
                <Table.Td>{t(`mood.${band}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Stack>
  );
}
