/**
 * API tokens for integrations and scripts: each acts as one account with a role. The secret is in
 * the create answer only, so it is shown once; revoking asks first because the integration stops.
 */
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ConfirmButton } from './ConfirmButton';
import { OneTimeSecret, type SecretToShow } from './OneTimeSecret';
import { ROLES, type ApiToken, type Role } from './types';
import { useAction } from '../../lib/useAction';

export default function TokensSection() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const tokens = useApi<{ tokens: ApiToken[] }>('/api/tokens');
  const users = useApi<{ users: User[] }>('/api/users');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [userId, setUserId] = useState<string | null>(null);
  const [secret, setSecret] = useState<SecretToShow | null>(null);
  const create = useAction();
  const userName = new Map((users.data?.users ?? []).map((u) => [u.id, u.name]));

  const submit = async () => {
    const body = { name: name.trim(), role, ...(userId ? { userId } : {}) };
    const made = await create.run(() => post<{ token: ApiToken; secret: string }>('/api/tokens', body));
    if (!made) return;
    setName('');
    setSecret({ title: t('tokens.secretTitle'), intro: t('tokens.secretIntro', { name: made.token.name }), secret: made.secret });
    await tokens.reload();
  };

  return (
    <Stack>
      <Title order={2}>{t('tokens.title')}</Title>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Title order={3}>{t('tokens.new')}</Title>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <TextInput label={t('tokens.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <Select
                label={t('tokens.role')}
                value={role}
                onChange={(v) => v && setRole(v)}
                data={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
                allowDeselect={false}
              />
              <Select
                label={t('tokens.actingUser')}
                description={t('tokens.actingUserHint')}
                value={userId}
                onChange={setUserId}
                data={(users.data?.users ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))}
                searchable
                clearable
              />
            </SimpleGrid>
            <ErrorNote error={create.error} />
            <Group>
              <Button type="submit" loading={create.busy}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <ErrorNote error={tokens.error} />
      {tokens.data?.tokens.length === 0 && <Text>{t('tokens.empty')}</Text>}
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('tokens.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokens.name')}</Table.Th>
              <Table.Th>{t('tokens.role')}</Table.Th>
              <Table.Th>{t('tokens.actingUser')}</Table.Th>
              <Table.Th>{t('created')}</Table.Th>
              <Table.Th>{t('tokens.lastUsed')}</Table.Th>
              <Table.Th>{t('actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(tokens.data?.tokens ?? []).map((tk) => (
              <Table.Tr key={tk.id} data-testid={`token-${tk.name}`}>
                <Table.Td>{tk.name}</Table.Td>
                <Table.Td>{t(`common:role.${tk.role}`)}</Table.Td>
                <Table.Td>{userName.get(tk.userId) ?? '—'}</Table.Td>
                <Table.Td>{f.dateTime(tk.createdAt)}</Table.Td>
                <Table.Td>{f.dateTime(tk.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {tk.revokedAt ? (
                    <Badge color="gray">{t('tokens.revokedOn', { date: f.date(tk.revokedAt) })}</Badge>
                  ) : (
                    <ConfirmButton
                      label={t('tokens.revoke')}
                      ariaLabel={t('tokens.revokeNamed', { name: tk.name })}
                      question={t('tokens.revokeQuestion', { name: tk.name })}
                      onConfirm={() => del(`/api/tokens/${tk.id}`).then(tokens.reload)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <OneTimeSecret shown={secret} onClose={() => setSecret(null)} />
    </Stack>
  );
}
