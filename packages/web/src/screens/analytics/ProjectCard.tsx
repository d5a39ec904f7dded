/**
 * One improvement project: the problem, the metric from baseline to target with where it stands
 * now, a progress bar, and whether it keeps pace with the time gone. Closing is for analysts and
 * admins; a closed project keeps its numbers.
 */
import { Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import { useAnalyticsFormat } from './numbers';
import type { Project } from './types';

function StatusBadge({ project }: { project: Project }) {
  const { t } = useTranslation('analytics');
  const [color, key] =
    project.status === 'closed'
      ? ['gray', 'closed']
      : project.onTrack === null
        ? ['gray', 'tooEarly']
        : project.onTrack
          ? ['teal', 'onTrack']
          : ['orange', 'behind'];
  return (
    <Badge color={color} variant="light" data-testid="project-status">
      {t(`projects.status.${key}`)}
    </Badge>
  );
}

export function ProjectCard({ project: p, canManage, onChanged }: { project: Project; canManage: boolean; onChanged: () => void }) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const closing = useAction();
  // The end is exclusive (the instant after the last day); people read the last day.
  const lastDay = new Date(Date.parse(p.endsAt) - 1).toISOString();
  const progress = p.progress === null ? null : Math.round(p.progress * 100);
  const close = async () => {
    if (await closing.run(() => post(`/api/analytics/projects/${p.id}/close`))) onChanged();
  };
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`project-${p.id}`} data-testid="project">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" id={`project-${p.id}`}>
            {p.name}
          </Title>
          <StatusBadge project={p} />
        </Group>
        <Text size="sm">{p.problem}</Text>
        <Text size="sm" c="gray.7">
          {t(`projects.metric.${p.metric}`)} · {t('projects.window', { from: f.fullDay(p.startsAt), to: f.fullDay(lastDay) })}
        </Text>
        <Group gap="lg">
          <Text size="sm">
            {t('projects.baseline')}: <b>{f.metric(p.metric, p.baseline)}</b>
          </Text>
          <Text size="sm">
            {t('projects.target')}: <b>{f.metric(p.metric, p.target)}</b>
          </Text>
          <Text size="sm" data-testid="project-current">
            {t('projects.current')}: <b>{f.metric(p.metric, p.current)}</b>
          </Text>
        </Group>
        <Progress
          value={progress ?? 0}
          color={p.onTrack === false ? 'orange.7' : 'teal.7'}
          size="lg"
          radius="xl"
          aria-label={progress === null ? t('projects.noProgress') : t('projects.progress', { percent: f.percent(progress / 100) })}
        />
        <Text size="xs" c="gray.7">
          {progress === null ? t('projects.noProgress') : t('projects.progress', { percent: f.percent(progress / 100) })} ·{' '}
          {t('projects.elapsed', { percent: f.percent(p.elapsed) })} · {t('projects.contacts', { n: f.count(p.contacts) })}
        </Text>
        <ErrorNote error={closing.error} />
        {canManage && p.status === 'active' && (
          <Group>
            <Button variant="default" size="xs" loading={closing.busy} onClick={() => void close()}>
              {t('projects.close')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
