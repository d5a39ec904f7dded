/**
 * A cohort's recruits (up to six): add an agent, remove one. Only agents can be recruits; the
 * list offers those not yet in this cohort. Adding a seventh is refused by the server with a
 * sentence that is shown as is.
 */
import { Button, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import { useApi } from '../../lib/useApi';
import { ConfirmButton } from '../admin/ConfirmButton';
import { COHORT_SIZE, type CohortDetail } from './types';

export function CohortMembers({ cohort, onChanged }: { cohort: CohortDetail; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('training');
  const users = useApi<{ agents: { id: string; name: string; email: string }[] }>('/api/training/candidates');
  const [userId, setUserId] = useState<string | null>(null);
  const { run, busy, error } = useAction();
  const open = cohort.closedAt === null;
  const inCohort = new Set(cohort.members.map((m) => m.userId));
  const candidates = (users.data?.agents ?? []).filter((u) => !inCohort.has(u.id));

  const add = () =>
    void run(async () => {
      if (!userId) return;
      await post(`/api/training/cohorts/${cohort.id}/members`, { userId });
      setUserId(null);
      await onChanged();
    });

  return (
    <Stack gap="xs" component="section" aria-labelledby="members-heading">
      <Title order={2} size="h4" id="members-heading">
        {t('members.heading', { n: cohort.members.length, max: COHORT_SIZE })}
      </Title>
      {cohort.members.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('members.empty')}
        </Text>
      ) : (
        <List spacing={4} listStyleType="none" p={0} data-testid="members">
          {cohort.members.map((m) => (
            <List.Item key={m.userId}>
              <Group gap="sm" justify="space-between" wrap="nowrap">
                <Text size="sm">{m.name}</Text>
                {open && (
                  <ConfirmButton
                    label={t('members.remove')}
                    ariaLabel={t('members.removeNamed', { name: m.name })}
                    question={t('members.removeQuestion', { name: m.name })}
                    onConfirm={async () => {
                      await del(`/api/training/cohorts/${cohort.id}/members/${m.userId}`);
                      await onChanged();
                    }}
                  />
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {open && cohort.members.length < COHORT_SIZE && (
        <Group gap="xs" align="flex-end">
          <Select
            label={t('members.add')}
            placeholder={t('members.choose')}
            value={userId}
            onChange={setUserId}
            data={candidates.map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
            searchable
            nothingFoundMessage={t('members.noAgents')}
            w={320}
          />
          <Button onClick={add} loading={busy} disabled={!userId}>
            {t('members.addButton')}
          </Button>
        </Group>
      )}
      {open && cohort.members.length >= COHORT_SIZE && (
        <Text size="sm" c="gray.7">
          {t('members.full')}
        </Text>
      )}
      <ErrorNote error={users.error} />
      <ErrorNote error={error} />
    </Stack>
  );
}
