/**
 * Inbound integrations: where a help-desk or messaging platform sends customer messages. The admin
 * gets the endpoint URL to paste into the platform; Zendesk and Twilio sign with their own secret
 * (given here), a generic integration gets a generated one, shown once.
 */
import {
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client';
import type { Team, User } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { ConfirmButton } from './ConfirmButton';
import { OneTimeSecret, type SecretToShow } from './OneTimeSecret';
import { INTEGRATION_KINDS, type Integration, type IntegrationKind } from './types';
import { useAction } from '../../lib/useAction';

/** The full address a platform posts to; the server gives only the path (it may sit behind a proxy). */
const endpointOf = (i: Integration) => `${location.origin}${i.inboundPath}`;

export default function IntegrationsSection() {
  const { t } = useTranslation('admin');
  const list = useApi<{ integrations: Integration[] }>('/api/integrations');
  const users = useApi<{ users: User[] }>('/api/users');
  const teams = useApi<{ teams: Team[] }>('/api/teams');
  const [kind, setKind] = useState<IntegrationKind>('generic');
  const [name, setName] = useState('');
  const [actingUserId, setActingUserId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [secretIn, setSecretIn] = useState('');
  const [secret, setSecret] = useState<SecretToShow | null>(null);
  const create = useAction();
  const userName = new Map((users.data?.users ?? []).map((u) => [u.id, u.name]));
  const teamName = new Map((teams.data?.teams ?? []).map((tm) => [tm.id, tm.name]));
  // Messages are ingested as this account, which must be able to act on conversations.
  const actors = (users.data?.users ?? []).filter((u) => !u.disabled && ['agent', 'lead', 'admin'].includes(u.role));

  const submit = async () => {
    if (!actingUserId) return;
    const body = {
      kind,
      name: name.trim(),
      actingUserId,
      ...(teamId ? { teamId } : {}),
      ...(kind !== 'generic' ? { secret: secretIn } : {}),
    };
    const made = await create.run(() => post<{ integration: Integration; secret: string | null }>('/api/integrations', body));
    if (!made) return;
    setName('');
    setSecretIn('');
    if (made.secret)
      setSecret({
        title: t('integrations.secretTitle'),
        intro: t('integrations.secretIntro', { url: endpointOf(made.integration) }),
        secret: made.secret,
      });
    await list.reload();
  };

  return (
    <Stack>
      <Title order={2}>{t('integrations.title')}</Title>
      <Text>{t('integrations.intro')}</Text>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Title order={3}>{t('integrations.new')}</Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Select
                label={t('integrations.kind')}
                value={kind}
                onChange={(v) => v && setKind(v)}
                data={INTEGRATION_KINDS.map((k) => ({ value: k, label: t(`integrations.kinds.${k}`) }))}
                allowDeselect={false}
              />
              <TextInput label={t('integrations.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <Select
                label={t('integrations.actingUser')}
                description={t('integrations.actingUserHint')}
                required
                value={actingUserId}
                onChange={setActingUserId}
                data={actors.map((u) => ({ value: u.id, label: u.name }))}
                searchable
              />
              <Select
                label={t('integrations.team')}
                description={t('integrations.teamHint')}
                value={teamId}
                onChange={setTeamId}
                data={(teams.data?.teams ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
                clearable
              />
              {kind !== 'generic' && (
                <PasswordInput
                  label={t(`integrations.secretFor.${kind}`)}
                  required
                  minLength={8}
                  value={secretIn}
                  onChange={(e) => setSecretIn(e.currentTarget.value)}
                />
              )}
            </SimpleGrid>
            <ErrorNote error={create.error} />
            <Group>
              <Button type="submit" loading={create.busy} disabled={!actingUserId}>
                {t('integrations.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <ErrorNote error={list.error} />
      {list.data?.integrations.length === 0 && <Text>{t('integrations.empty')}</Text>}
      <Table.ScrollContainer minWidth={860}>
        <Table striped aria-label={t('integrations.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('integrations.name')}</Table.Th>
              <Table.Th>{t('integrations.kind')}</Table.Th>
              <Table.Th>{t('integrations.actingUser')}</Table.Th>
              <Table.Th>{t('integrations.team')}</Table.Th>
              <Table.Th>{t('integrations.endpoint')}</Table.Th>
              <Table.Th>{t('actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.integrations ?? []).map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>{t(`integrations.kinds.${i.kind}`)}</Table.Td>
                <Table.Td>{userName.get(i.actingUserId) ?? '—'}</Table.Td>
                <Table.Td>{i.teamId ? (teamName.get(i.teamId) ?? '—') : t('integrations.firstTeam')}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Code dir="ltr" style={{ wordBreak: 'break-all' }}>
                      {endpointOf(i)}
                    </Code>
                    <CopyButton value={endpointOf(i)}>
                      {({ copied, copy }) => (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={copy}
                          aria-label={t('integrations.copyNamed', { name: i.name })}
                        >
                          {copied ? t('secret.copied') : t('secret.copy')}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {i.disabled ? (
                    <Badge color="gray">{t('integrations.disabled')}</Badge>
                  ) : (
                    <ConfirmButton
                      label={t('integrations.disable')}
                      ariaLabel={t('integrations.disableNamed', { name: i.name })}
                      question={t('integrations.disableQuestion', { name: i.name })}
                      onConfirm={() => del(`/api/integrations/${i.id}`).then(list.reload)}
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
