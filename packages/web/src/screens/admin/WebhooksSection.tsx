/**
 * Outgoing webhooks (alerts and incidents to chat or another system). The signing secret is shown
 * once; a test delivery and the delivery log let an admin see that the other side answers.
 */
import { Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ConfirmButton } from './ConfirmButton';
import { OneTimeSecret, type SecretToShow } from './OneTimeSecret';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, eventKey, type Webhook, type WebhookEvent, type WebhookFormat } from './types';
import { useAction } from '../../lib/useAction';

export default function WebhooksSection() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const hooks = useApi<{ webhooks: Webhook[] }>('/api/webhooks');
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookFormat>('generic');
  const [events, setEvents] = useState<WebhookEvent[]>(['alert.raised', 'incident.opened']);
  const [secret, setSecret] = useState<SecretToShow | null>(null);
  const [log, setLog] = useState<Webhook | null>(null);
  const create = useAction();
  const test = useAction();

  const submit = async () => {
    const made = await create.run(() => post<{ webhook: Webhook; secret: string }>('/api/webhooks', { url: url.trim(), format, events }));
    if (!made) return;
    setUrl('');
    setSecret({ title: t('webhooks.secretTitle'), intro: t('webhooks.secretIntro', { url: made.webhook.url }), secret: made.secret });
    await hooks.reload();
  };

  const sendTest = async (hook: Webhook) => {
    const queued = await test.run(() => post<{ queued: number }>(`/api/webhooks/${hook.id}/test`));
    if (queued) notifications.show({ color: 'teal', message: t('webhooks.testQueued') });
  };

  return (
    <Stack>
      <Title order={2}>{t('webhooks.title')}</Title>
      <Text>{t('webhooks.intro')}</Text>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Title order={3}>{t('webhooks.new')}</Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TextInput
                label={t('webhooks.url')}
                type="url"
                required
                dir="ltr"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
              />
              <Select
                label={t('webhooks.format')}
                value={format}
                onChange={(v) => v && setFormat(v)}
                data={WEBHOOK_FORMATS.map((x) => ({ value: x, label: t(`webhooks.formats.${x}`) }))}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Checkbox.Group label={t('webhooks.events')} value={events} onChange={(v) => setEvents(v)}>
              <Group mt="xs">
                {WEBHOOK_EVENTS.filter((e) => e !== 'webhook.test').map((e) => (
                  <Checkbox key={e} value={e} label={t(eventKey(e))} />
                ))}
              </Group>
            </Checkbox.Group>
            <ErrorNote error={create.error} />
            <Group>
              <Button type="submit" loading={create.busy} disabled={events.length === 0}>
                {t('webhooks.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <ErrorNote error={hooks.error ?? test.error} />
      {hooks.data?.webhooks.length === 0 && <Text>{t('webhooks.empty')}</Text>}
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label={t('webhooks.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('webhooks.url')}</Table.Th>
              <Table.Th>{t('webhooks.format')}</Table.Th>
              <Table.Th>{t('webhooks.events')}</Table.Th>
              <Table.Th>{t('created')}</Table.Th>
              <Table.Th>{t('actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(hooks.data?.webhooks ?? []).map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td dir="ltr" style={{ wordBreak: 'break-all' }}>
                  {h.url}
                </Table.Td>
                <Table.Td>{t(`webhooks.formats.${h.format}`)}</Table.Td>
                <Table.Td>{h.events.map((e) => t(eventKey(e))).join(', ')}</Table.Td>
                <Table.Td>{f.date(h.createdAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {h.disabled ? (
                      <Badge color="gray">{t('webhooks.stopped')}</Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => void sendTest(h)}
                        aria-label={t('webhooks.testNamed', { url: h.url })}
                      >
                        {t('webhooks.test')}
                      </Button>
                    )}
                    <Button size="xs" variant="default" onClick={() => setLog(h)} aria-label={t('webhooks.logNamed', { url: h.url })}>
                      {t('webhooks.log')}
                    </Button>
                    {!h.disabled && (
                      <ConfirmButton
                        label={t('webhooks.stop')}
                        ariaLabel={t('webhooks.stopNamed', { url: h.url })}
                        question={t('webhooks.stopQuestion', { url: h.url })}
                        onConfirm={() => del(`/api/webhooks/${h.id}`).then(hooks.reload)}
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <OneTimeSecret shown={secret} onClose={() => setSecret(null)} />
      <WebhookDeliveries webhook={log} onClose={() => setLog(null)} />
    </Stack>
  );
}
