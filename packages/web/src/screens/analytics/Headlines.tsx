/**
 * The period in four figures: contacts, the abuse rate, how often a boundary calmed things down,
 * and how many hard contacts still ended well (the positive side practice 7 asks to show).
 */
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAnalyticsFormat } from './numbers';
import type { Rates } from './types';

function Figure({ id, label, value, detail }: { id: string; label: string; value: string; detail: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${id}-label`} data-testid={`figure-${id}`}>
      <Text size="sm" c="gray.7" id={`${id}-label`}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2} data-testid={`figure-${id}-value`}>
        {value}
      </Text>
      <Text size="xs" c="gray.7">
        {detail}
      </Text>
    </Paper>
  );
}

export function Headlines({ totals }: { totals: Rates }) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Figure id="contacts" label={t('figures.contacts')} value={f.count(totals.contacts)} detail={t('figures.contactsDetail')} />
      <Figure
        id="abuse-rate"
        label={t('figures.abuseRate')}
        value={f.rate(totals.abuseRate)}
        detail={t('figures.abuseRateDetail', { n: f.count(totals.abusiveContacts) })}
      />
      <Figure
        id="deescalation"
        label={t('figures.deescalation')}
        value={f.percent(totals.deescalationSuccess)}
        detail={t('figures.deescalationDetail', {
          n: f.count(totals.deescalatedContacts),
          total: f.count(totals.warnedContacts),
        })}
      />
      <Figure
        id="ended-well"
        label={t('figures.endedWell')}
        value={f.count(totals.hardContactsEndedWell)}
        detail={t('figures.endedWellDetail', {
          total: f.count(totals.hardContacts),
          share: f.percent(totals.endedWellShare),
        })}
      />
    </SimpleGrid>
  );
}
