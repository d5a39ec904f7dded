/** The audit log, newest first: who (an account or an API token), did what, to what, and when. */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import type { ApiToken, AuditEntry } from './types';

export default function AuditSection() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const audit = useApi<{ entries: AuditEntry[] }>('/api/audit?limit=200');
  const users = useApi<{ users: User[] }>('/api/users');
  const tokens = useApi<{ tokens: ApiToken[] }>('/api/tokens');
  const userName = new Map((users.data?.users ?? []).map((u) => [u.id, u.name]));
  const tokenName = new Map((tokens.data?.tokens ?? []).map((tk) => [tk.id, tk.name]));

  const who = (e: AuditEntry) => {
    if (e.actorTokenId) return t('audit.viaToken', { name: tokenName.get(e.actorTokenId) ?? '—' });
    if (e.actorUserId) return userName.get(e.actorUserId) ?? '—';
    return t('audit.system');
  };

  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <ErrorNote error={audit.error} />
      {audit.data?.entries.length === 0 && <Text>{t('audit.empty')}</Text>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label={t('audit.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.when')}</Table.Th>
              <Table.Th>{t('audit.who')}</Table.Th>
              <Table.Th>{t('audit.what')}</Table.Th>
              <Table.Th>{t('audit.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(audit.data?.entries ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{f.dateTime(e.createdAt)}</Table.Td>
                <Table.Td>{who(e)}</Table.Td>
                <Table.Td>{t(`audit.actions.${e.action.replace('.', '_')}`, { defaultValue: e.action })}</Table.Td>
                <Table.Td>
                  {e.targetType === 'user' && e.targetId && userName.has(e.targetId)
                    ? userName.get(e.targetId)
                    : t(`audit.targets.${e.targetType}`, { defaultValue: e.targetType })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
