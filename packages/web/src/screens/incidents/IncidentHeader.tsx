/**
 * The top of a record: what happened, its status, whether its chain checks out, and the facts that
 * came from the conversation. The customer's reference reaches only roles allowed personal data;
 * the others get a placeholder from the server, shown here as a plain sentence.
 */
import { Box, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { ChainBadge } from './ChainBadge';
import { REDACTED, type ChainReport, type Incident } from './incidentTypes';
import { StatusBadge } from './StatusBadge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7">
        {label}
      </Text>
      <Box component="dd" m={0}>
        {children}
      </Box>
    </div>
  );
}

export function IncidentHeader({ incident, chain }: { incident: Incident; chain: ChainReport }) {
  const { t } = useTranslation('incidents');
  const format = useFormat();
  const r = incident.record;
  const ref = r.customerRef;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="center">
        <Title order={1}>{t('detail.title', { conduct: t(`conduct.${incident.conduct}`, { defaultValue: incident.conduct }) })}</Title>
        <StatusBadge status={incident.status} />
      </Group>
      <ChainBadge chain={chain} />
      <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="md" m={0}>
        <Fact label={t('detail.occurredAt')}>{format.dateTime(r.occurredAt || incident.createdAt)}</Fact>
        <Fact label={t('detail.channel')}>{t(`channel.${r.channel}`, { ns: 'common', defaultValue: r.channel })}</Fact>
        <Fact label={t('detail.customerRef')}>
          {ref === REDACTED ? (
            <Text component="span" c="gray.7" fs="italic">
              {t('detail.hiddenForRole')}
            </Text>
          ) : (
            (ref ?? t('detail.noCustomerRef'))
          )}
        </Fact>
        <Fact label={t('detail.openedBy')}>{t(`openedBy.${r.openedBy}`)}</Fact>
      </SimpleGrid>
    </Stack>
  );
}
