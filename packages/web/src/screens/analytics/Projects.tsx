/**
 * Improvement projects with their live progress (active first); analysts and admins start and
 * close them here.
 */
import { Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { ProjectCard } from './ProjectCard';
import { ProjectForm } from './ProjectForm';
import type { ProjectList } from './types';

export function Projects({ teams }: { teams: Team[] }) {
  const { t } = useTranslation('analytics');
  const { can } = useSession();
  const list = useApi<ProjectList>('/api/analytics/projects');
  const canManage = can('analytics:manage');
  const projects = list.data?.projects ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="projects-heading">
      <Title order={2} size="h3" id="projects-heading">
        {t('projects.heading')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('projects.intro')}
      </Text>
      <ErrorNote error={list.error} />
      {!list.data && list.loading && <Loader size="sm" aria-label={t('common:loading')} />}
      {list.data && projects.length === 0 && <Text c="gray.7">{t('projects.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {projects.map((p) => (
          <ProjectCard key={p.id} project={p} canManage={canManage} onChanged={() => void list.reload()} />
        ))}
      </SimpleGrid>
      {canManage && <ProjectForm teams={teams} onCreated={() => void list.reload()} />}
    </Stack>
  );
}
