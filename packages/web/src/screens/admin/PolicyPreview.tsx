/**
 * "Play a sample conversation": runs a sample through the detector and protocol under the policy
 * as edited (not as saved), so changing warnings from 2 to 1 shows at once that ending comes
 * sooner. Nothing is sent to the server.
 */
import { Alert, Badge, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewRow } from './runPreview';
import { SAMPLES, type Sample } from './previewSamples';
import type { Policy } from './types';

type Engine = typeof import('./previewEngine');

const LABEL_COLOR: Record<string, string> = {
  none: 'gray',
  frustration: 'yellow',
  profanity: 'orange',
  abuse: 'red',
  threat: 'red',
  self_harm: 'grape',
};

export function PolicyPreview({ policy }: { policy: Policy | null }) {
  const { t } = useTranslation('admin');
  const [sampleId, setSampleId] = useState<Sample['id']>('escalating');
  const [engine, setEngine] = useState<Engine>();
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (playing && !engine) void import('./previewEngine').then(setEngine);
  }, [playing, engine]);

  const sample = SAMPLES.find((s) => s.id === sampleId) ?? SAMPLES[0]!;
  const rows = useMemo(
    () => (engine && policy && playing ? engine.playSample(policy, sample.lines) : undefined),
    [engine, policy, playing, sample],
  );

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3}>{t('preview.title')}</Title>
        <Text size="sm">{t('preview.intro')}</Text>
        <Group align="flex-end">
          <Select
            label={t('preview.sample')}
            value={sampleId}
            onChange={(v) => v && setSampleId(v)}
            data={SAMPLES.map((s) => ({ value: s.id, label: t(`preview.samples.${s.id}`) }))}
            allowDeselect={false}
          />
          <Button variant="light" onClick={() => setPlaying(true)}>
            {t('preview.play')}
          </Button>
        </Group>
        <div aria-live="polite">
          {playing && !policy && (
            <Alert color="orange" variant="light">
              {t('preview.fixFirst')}
            </Alert>
          )}
          {playing && policy && !rows && <Loader size="sm" aria-label={t('preview.loading')} />}
          {rows && <PreviewLines rows={rows} policy={policy!} />}
        </div>
      </Stack>
    </Card>
  );
}

function PreviewLines({ rows, policy }: { rows: PreviewRow[]; policy: Policy }) {
  const { t } = useTranslation('admin');
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="preview-lines">
      {rows.map((row, i) => (
        <Card component="li" key={i} withBorder padding="sm" data-testid={`preview-line-${i + 1}`}>
          <Stack gap={6}>
            <Text size="sm" lang="en" dir="ltr">
              “{row.text}”
            </Text>
            <Group gap="xs">
              <Badge color={LABEL_COLOR[row.label] ?? 'gray'} variant="light">
                {t(`common:label.${row.label}`)}
              </Badge>
              <Text size="sm" fw={600} data-testid="preview-step">
                {t(`common:step.${row.step}`, { count: row.warnings, max: policy.warningsBeforeEnd })}
              </Text>
            </Group>
            {row.actions.length > 0 && (
              <Group gap={6}>
                <Text size="sm">{t('preview.recommended')}</Text>
                {row.actions.map((a) => (
                  <Badge key={a.action} color={a.urgent ? 'red' : 'teal'} variant={a.urgent ? 'filled' : 'outline'}>
                    {a.urgent ? t('preview.urgentAction', { action: t(`action.${a.action}`) }) : t(`action.${a.action}`)}
                  </Badge>
                ))}
              </Group>
            )}
            {row.reply && (
              <Text size="sm" c="gray.7">
                {t('preview.reply')}{' '}
                <span lang="en" dir="ltr">
                  “{row.reply}”
                </span>
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
