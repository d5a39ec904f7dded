/**
 * Customer blocks: a customer reference blocked for a number of hours with a reason, and lifting a
 * block (asked first). Active ones by default, since those are what matter today.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ConfirmButton } from './ConfirmButton';
import type { CustomerBlock } from './types';
import { useAction } from '../../lib/useAction';

export default function BlocksSection() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const [which, setWhich] = useState<'active' | 'all'>('active');
  const blocks = useApi<{ blocks: CustomerBlock[] }>(which === 'active' ? '/api/blocks?active=true' : '/api/blocks');
  const users = useApi<{ users: User[] }>('/api/users');
  const [customerRef, setCustomerRef] = useState('');
  const [hours, setHours] = useState<number | string>(24);
  const [reason, setReason] = useState('');
  const create = useAction();
  const userName = new Map((users.data?.users ?? []).map((u) => [u.id, u.name]));

  const submit = async () => {
    const made = await create.run(() =>
      post<CustomerBlock>('/api/blocks', { customerRef: customerRef.trim(), hours: Number(hours), reason: reason.trim() }),
    );
    if (!made) return;
    setCustomerRef('');
    setReason('');
    await blocks.reload();
  };

  return (
    <Stack>
      <Title order={2}>{t('blocks.title')}</Title>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Title order={3}>{t('blocks.new')}</Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TextInput
                label={t('blocks.customerRef')}
                description={t('blocks.customerRefHint')}
                required
                value={customerRef}
                onChange={(e) => setCustomerRef(e.currentTarget.value)}
              />
              <NumberInput
                label={t('blocks.hours')}
                description={t('blocks.hoursHint')}
                required
                min={1}
                max={8760}
                allowDecimal={false}
                value={hours}
                onChange={setHours}
              />
            </SimpleGrid>
            <Textarea
              label={t('blocks.reason')}
              description={t('blocks.reasonHint')}
              required
              minLength={5}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <ErrorNote error={create.error} />
            <Group>
              <Button type="submit" loading={create.busy}>
                {t('blocks.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <SegmentedControl
        aria-label={t('blocks.show')}
        value={which}
        onChange={(v) => setWhich(v === 'all' ? 'all' : 'active')}
        data={[
          { value: 'active', label: t('blocks.activeOnly') },
          { value: 'all', label: t('blocks.all') },
        ]}
        maw={360}
      />
      <ErrorNote error={blocks.error} />
      {blocks.data?.blocks.length === 0 && <Text>{which === 'active' ? t('blocks.noneActive') : t('blocks.empty')}</Text>}
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label={t('blocks.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('blocks.customerRef')}</Table.Th>
              <Table.Th>{t('blocks.reason')}</Table.Th>
              <Table.Th>{t('blocks.by')}</Table.Th>
              <Table.Th>{t('blocks.until')}</Table.Th>
              <Table.Th>{t('actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(blocks.data?.blocks ?? []).map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td dir="auto">{b.customerRef}</Table.Td>
                <Table.Td dir="auto">{b.reason}</Table.Td>
                <Table.Td>
                  {userName.get(b.createdBy) ?? '—'} · {f.dateTime(b.createdAt)}
                </Table.Td>
                <Table.Td>{f.dateTime(b.expiresAt)}</Table.Td>
                <Table.Td>
                  {b.active ? (
                    <ConfirmButton
                      label={t('blocks.lift')}
                      ariaLabel={t('blocks.liftNamed', { customer: b.customerRef })}
                      question={t('blocks.liftQuestion', { customer: b.customerRef })}
                      onConfirm={() => del(`/api/blocks/${b.id}`).then(blocks.reload)}
                      color="teal"
                    />
                  ) : (
                    <Badge color="gray">{b.liftedAt ? t('blocks.liftedOn', { date: f.date(b.liftedAt) }) : t('blocks.expired')}</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
