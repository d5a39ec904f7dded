/** One webhook's delivery log, newest first: when, which event, the answer, and whether it arrived. */
import { Badge, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { eventKey, type Delivery, type Webhook } from './types';

export function WebhookDeliveries({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened={webhook !== null} onClose={onClose} title={t('webhooks.deliveriesTitle')} size="xl">
      {webhook && <DeliveryLog webhook={webhook} />}
    </Modal>
  );
}

function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const log = useApi<{ deliveries: Delivery[] }>(`/api/webhooks/${webhook.id}/deliveries`);
  if (log.error) return <ErrorNote error={log.error} />;
  if (!log.data) return <Text>{t('common:loading')}</Text>;
  if (log.data.deliveries.length === 0) return <Text>{t('webhooks.noDeliveries')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhooks.at')}</Table.Th>
            <Table.Th>{t('webhooks.event')}</Table.Th>
            <Table.Th>{t('webhooks.attempt')}</Table.Th>
            <Table.Th>{t('webhooks.answer')}</Table.Th>
            <Table.Th>{t('webhooks.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data.deliveries.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{f.dateTime(d.at)}</Table.Td>
              <Table.Td>{t(eventKey(d.event), { defaultValue: d.event })}</Table.Td>
              <Table.Td>{f.number(d.attempt)}</Table.Td>
              <Table.Td dir="ltr">{d.statusCode !== null ? String(d.statusCode) : (d.error ?? '—')}</Table.Td>
              <Table.Td>
                {d.delivered ? (
                  <Badge color="teal">{t('webhooks.delivered')}</Badge>
                ) : d.gaveUp ? (
                  <Badge color="red">{t('webhooks.gaveUp')}</Badge>
                ) : (
                  <Badge color="yellow">{t('webhooks.retrying')}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
