/**
 * Accounts: who can sign in, with which role and teams. A new account's one-time password is shown
 * once; disabling asks first, because it signs the person out everywhere.
 */
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../../api/client';
import type { Team, User } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { ConfirmButton } from './ConfirmButton';
import { OneTimeSecret, type SecretToShow } from './OneTimeSecret';
import { UserCreateForm } from './UserCreateForm';
import { UserEditModal } from './UserEditModal';
import { useAction } from '../../lib/useAction';

export default function UsersSection() {
  const { t } = useTranslation('admin');
  const { me } = useSession();
  const users = useApi<{ users: User[] }>('/api/users');
  const teams = useApi<{ teams: Team[] }>('/api/teams');
  const [secret, setSecret] = useState<SecretToShow | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const enable = useAction();
  const teamName = new Map((teams.data?.teams ?? []).map((tm) => [tm.id, tm.name]));

  return (
    <Stack>
      <Title order={2}>{t('users.title')}</Title>
      <Card withBorder>
        <Stack>
          <Title order={3}>{t('users.new')}</Title>
          <UserCreateForm
            teams={teams.data?.teams ?? []}
            onCreated={(c) => {
              setSecret({
                title: t('users.passwordTitle'),
                intro: t('users.passwordIntro', { email: c.user.email }),
                secret: c.oneTimePassword,
              });
              void users.reload();
            }}
          />
        </Stack>
      </Card>
      <ErrorNote error={users.error ?? teams.error ?? enable.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('users.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.teams')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data?.users ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td dir="ltr">{u.email}</Table.Td>
                <Table.Td>{t(`common:role.${u.role}`)}</Table.Td>
                <Table.Td>{(u.teamIds ?? []).map((id) => teamName.get(id) ?? id).join(', ') || t('common:none')}</Table.Td>
                <Table.Td>
                  {u.disabled ? (
                    <Badge color="gray">{t('users.disabled')}</Badge>
                  ) : (
                    <Badge color="teal" variant="light">
                      {t('users.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setEditing(u)} aria-label={t('users.editTitle', { name: u.name })}>
                      {t('users.edit')}
                    </Button>
                    {u.id !== me?.id &&
                      (u.disabled ? (
                        <Button
                          size="xs"
                          variant="light"
                          loading={enable.busy}
                          onClick={() => void enable.run(() => patch(`/api/users/${u.id}`, { disabled: false }).then(users.reload))}
                          aria-label={t('users.enableNamed', { name: u.name })}
                        >
                          {t('users.enable')}
                        </Button>
                      ) : (
                        <ConfirmButton
                          label={t('users.disable')}
                          ariaLabel={t('users.disableNamed', { name: u.name })}
                          question={t('users.disableQuestion', { name: u.name })}
                          onConfirm={() => patch(`/api/users/${u.id}`, { disabled: true }).then(users.reload)}
                        />
                      ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.data && users.data.users.length === 0 && <Text>{t('users.empty')}</Text>}
      <UserEditModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void users.reload();
        }}
      />
      <OneTimeSecret shown={secret} onClose={() => setSecret(null)} />
    </Stack>
  );
}
