/**
 * Teams and their members. Membership decides which conversations, alerts and wellbeing figures a
 * lead sees, so adding and removing is one click each, and the list is the users' own teamIds.
 */
import { Button, Card, Group, List, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post, put } from '../../api/client';
import type { Team, User } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { useAction } from '../../lib/useAction';

export default function TeamsSection() {
  const { t } = useTranslation('admin');
  const teams = useApi<{ teams: Team[] }>('/api/teams');
  const users = useApi<{ users: User[] }>('/api/users');
  const [name, setName] = useState('');
  const action = useAction();

  const create = async () => {
    const made = await action.run(() => post<Team>('/api/teams', { name: name.trim() }));
    if (made) {
      setName('');
      await teams.reload();
    }
  };

  return (
    <Stack>
      <Title order={2}>{t('teams.title')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Group align="flex-end">
          <TextInput label={t('teams.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Button type="submit" loading={action.busy}>
            {t('teams.create')}
          </Button>
        </Group>
      </form>
      <ErrorNote error={teams.error ?? users.error ?? action.error} />
      {teams.data?.teams.length === 0 && <Text>{t('teams.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(teams.data?.teams ?? []).map((team) => (
          <TeamCard key={team.id} team={team} users={users.data?.users ?? []} run={action.run} changed={() => void users.reload()} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

interface CardProps {
  team: Team;
  users: User[];
  run: ReturnType<typeof useAction>['run'];
  changed: () => void;
}

function TeamCard({ team, users, run, changed }: CardProps) {
  const { t } = useTranslation('admin');
  const [adding, setAdding] = useState<string | null>(null);
  const members = users.filter((u) => u.teamIds?.includes(team.id));
  const others = users.filter((u) => !u.disabled && !u.teamIds?.includes(team.id));

  const add = async () => {
    if (!adding) return;
    const done = await run(() => put(`/api/teams/${team.id}/members/${adding}`, {}).then(() => true));
    if (done) {
      setAdding(null);
      changed();
    }
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>{team.name}</Title>
        {members.length === 0 ? (
          <Text size="sm">{t('teams.noMembers')}</Text>
        ) : (
          <List listStyleType="none" spacing={4} aria-label={t('teams.membersOf', { team: team.name })}>
            {members.map((m) => (
              <List.Item key={m.id}>
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {m.name} · {t(`common:role.${m.role}`)}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    c="red.9"
                    aria-label={t('teams.removeNamed', { name: m.name, team: team.name })}
                    onClick={() => void run(() => del(`/api/teams/${team.id}/members/${m.id}`).then(changed))}
                  >
                    {t('teams.remove')}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <Group align="flex-end" wrap="nowrap">
          <Select
            label={t('teams.addMember')}
            value={adding}
            onChange={setAdding}
            data={others.map((u) => ({ value: u.id, label: u.name }))}
            searchable
            flex={1}
          />
          <Button variant="light" onClick={() => void add()} disabled={!adding} aria-label={t('teams.addTo', { team: team.name })}>
            {t('teams.add')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
