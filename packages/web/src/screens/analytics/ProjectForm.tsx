/**
 * Starting an improvement project: the problem in words, the metric, a target, a start and a
 * length (90 days unless changed). The baseline is left to the server, which measures the same
 * length of time before the start, unless the owner knows it. Shares are entered in percent.
 */
import { Button, Grid, NativeSelect, NumberInput, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import type { Team } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import { METRICS, SHARE_METRICS, type Metric, type NewProject, type Project } from './types';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function ProjectForm({ teams, onCreated }: { teams: Team[]; onCreated: () => void }) {
  const { t } = useTranslation('analytics');
  const action = useAction();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const [metric, setMetric] = useState<Metric>('abuse_rate');
  const [target, setTarget] = useState<number | string>('');
  const [baseline, setBaseline] = useState<number | string>('');
  const [start, setStart] = useState(today());
  const [days, setDays] = useState<number | string>(90);
  const [channel, setChannel] = useState('');
  const [teamId, setTeamId] = useState('');
  const share = SHARE_METRICS.includes(metric);
  const unit = share ? t('projects.form.unitPercent') : t('projects.form.unitRate');
  const value = (v: number | string) => (v === '' ? undefined : share ? Number(v) / 100 : Number(v));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: NewProject = {
      name,
      problem,
      metric,
      target: value(target) ?? 0,
      startsAt: start,
      // The end date is included whole, so a 90-day project ends on its 90th day.
      endsAt: addDays(start, Number(days) - 1),
      ...(value(baseline) !== undefined ? { baseline: value(baseline) } : {}),
      ...(channel || teamId ? { filter: { ...(channel ? { channel } : {}), ...(teamId ? { teamId } : {}) } } : {}),
    };
    const made = await action.run(() => post<Project>('/api/analytics/projects', body));
    if (!made) return;
    notifications.show({ color: 'teal', message: t('projects.form.created', { name: made.name }) });
    setName('');
    setProblem('');
    setTarget('');
    setBaseline('');
    onCreated();
  };

  return (
    <Stack component="form" gap="sm" onSubmit={(e) => void submit(e)} aria-labelledby="project-form-heading" data-testid="project-form">
      <Title order={3} size="h4" id="project-form-heading">
        {t('projects.form.heading')}
      </Title>
      <TextInput label={t('projects.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} />
      <Textarea
        label={t('projects.form.problem')}
        description={t('projects.form.problemHint')}
        value={problem}
        onChange={(e) => setProblem(e.currentTarget.value)}
        required
        maxLength={4000}
        autosize
        minRows={2}
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NativeSelect
            label={t('projects.form.metric')}
            value={metric}
            onChange={(e) => setMetric(e.currentTarget.value as Metric)}
            data={METRICS.map((m) => ({ value: m, label: t(`projects.metric.${m}`) }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput
            label={`${t('projects.form.target')} (${unit})`}
            value={target}
            onChange={setTarget}
            min={0}
            max={share ? 100 : 1000}
            required
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput
            label={`${t('projects.form.baseline')} (${unit})`}
            description={t('projects.form.baselineHint')}
            value={baseline}
            onChange={setBaseline}
            min={0}
            max={share ? 100 : 1000}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput
            type="date"
            label={t('projects.form.start')}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            required
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput label={t('projects.form.days')} value={days} onChange={setDays} min={1} max={366} required />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput
            label={t('projects.form.channel')}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value)}
            maxLength={64}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NativeSelect
            label={t('projects.form.team')}
            value={teamId}
            onChange={(e) => setTeamId(e.currentTarget.value)}
            data={[{ value: '', label: t('filters.any') }, ...teams.map((tm) => ({ value: tm.id, label: tm.name }))]}
          />
        </Grid.Col>
      </Grid>
      <ErrorNote error={action.error} />
      <div>
        <Button type="submit" loading={action.busy}>
          {t('projects.form.submit')}
        </Button>
      </div>
    </Stack>
  );
}
