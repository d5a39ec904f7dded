/** The form for a new account: email, name, role and teams. The one-time password comes back to the caller. */
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import type { Team, User } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { ROLES, type Role } from './types';
import { useAction } from '../../lib/useAction';

export interface Created {
  user: User;
  oneTimePassword: string;
}

export function UserCreateForm({ teams, onCreated }: { teams: Team[]; onCreated: (c: Created) => void }) {
  const { t } = useTranslation('admin');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const { run, busy, error } = useAction();

  const submit = async () => {
    const created = await run(() => post<Created>('/api/users', { email: email.trim(), name: name.trim(), role, teamIds }));
    if (!created) return;
    setEmail('');
    setName('');
    setTeamIds([]);
    onCreated(created);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label={t('users.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <TextInput label={t('users.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label={t('users.role')}
            value={role}
            onChange={(v) => v && setRole(v)}
            data={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
            allowDeselect={false}
          />
          <MultiSelect
            label={t('users.teams')}
            value={teamIds}
            onChange={setTeamIds}
            data={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            placeholder={teams.length === 0 ? t('users.noTeamsYet') : undefined}
          />
        </SimpleGrid>
        <ErrorNote error={error} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
