/**
 * The incidents as a table, newest first as the server sends them. The date in each row is a real
 * link (keyboard and screen readers); clicking anywhere on the row opens the same record.
 */
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../lib/format';
import type { Incident } from './incidentTypes';
import { StatusBadge } from './StatusBadge';

export function IncidentTable({ incidents }: { incidents: readonly Incident[] }) {
  const { t } = useTranslation('incidents');
  const format = useFormat();
  const navigate = useNavigate();
  if (incidents.length === 0)
    return (
      <Text c="gray.7" py="md">
        {t('list.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={t('list.caption')} data-testid="incident-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('column.occurredAt')}</Table.Th>
            <Table.Th scope="col">{t('column.conduct')}</Table.Th>
            <Table.Th scope="col">{t('column.channel')}</Table.Th>
            <Table.Th scope="col">{t('column.status')}</Table.Th>
            <Table.Th scope="col">{t('column.openedBy')}</Table.Th>
            <Table.Th scope="col">{t('column.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {incidents.map((i) => {
            const to = `/incidents/${i.id}`;
            return (
              <Table.Tr key={i.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(to)}>
                <Table.Td>
                  <Anchor component={Link} to={to} onClick={(e) => e.stopPropagation()}>
                    {format.dateTime(i.record.occurredAt || i.createdAt)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`conduct.${i.conduct}`, { defaultValue: i.conduct })}</Table.Td>
                <Table.Td>{t(`channel.${i.record.channel}`, { ns: 'common', defaultValue: i.record.channel })}</Table.Td>
                <Table.Td>
                  <StatusBadge status={i.status} />
                </Table.Td>
                <Table.Td>{t(`openedBy.${i.record.openedBy}`)}</Table.Td>
                <Table.Td>
                  {t('list.evidenceCount', { count: i.record.evidence.length, n: format.number(i.record.evidence.length) })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
