/**
 * Start a cohort: its name and when a recruit is ready (passes needed, the lowest score a pass
 * counts at, the lowest difficulty that counts). The defaults are the server's: three passes at
 * 70 % from Moderate up.
 */
import { Button, Group, NumberInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post } from '../../api/client';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import type { CohortDetail } from './types';

export function CohortCreateForm() {
  const { t } = useTranslation('training');
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [passes, setPasses] = useState<number>(3);
  const [minScore, setMinScore] = useState<number>(70);
  const [minDifficulty, setMinDifficulty] = useState('2');
  const { run, busy, error } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const cohort = await post<CohortDetail>('/api/training/cohorts', {
        name: name.trim(),
        readiness: { passes, minScore: minScore / 100, minDifficulty: Number(minDifficulty) },
      });
      await navigate(`/training/cohorts/${cohort.id}`);
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="cohort-create-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="cohort-create-heading">
          {t('cohorts.create')}
        </Title>
        <TextInput label={t('cohorts.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} required />
        <Group gap="sm" align="flex-start">
          <NumberInput
            label={t('rule.passes')}
            value={passes}
            onChange={(v) => setPasses(typeof v === 'number' ? v : 1)}
            min={1}
            max={50}
            allowDecimal={false}
            w={160}
          />
          <NumberInput
            label={t('rule.minScore')}
            value={minScore}
            onChange={(v) => setMinScore(typeof v === 'number' ? v : 0)}
            min={0}
            max={100}
            allowDecimal={false}
            suffix=" %"
            w={160}
          />
          <Select
            label={t('rule.minDifficulty')}
            value={minDifficulty}
            onChange={(v) => setMinDifficulty(v ?? '1')}
            data={['1', '2', '3'].map((d) => ({ value: d, label: t(`difficulty.${d}`) }))}
            allowDeselect={false}
            w={180}
          />
        </Group>
        <ErrorNote error={error} />
        <Group>
          <Button type="submit" loading={busy} disabled={!name.trim()}>
            {t('cohorts.createButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
