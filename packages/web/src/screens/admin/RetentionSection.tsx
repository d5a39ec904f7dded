/**
 * How long the organisation keeps closed incidents. An admin sets the period in days (one to ten
 * years; there is no "keep forever"), sees it in years in their own language, and confirms first,
 * because a shorter period deletes older records' content at the next purge and that cannot be
 * undone. Until a period is saved here the server's default applies, and the page says so.
 */
import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../api/client';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import { useApi } from '../../lib/useApi';
import type { Retention } from './types';

/** Periods in the UI's language with the right plural ("1 826 дней", "5 سنوات"), from Intl's unit formats. */
function usePeriods() {
  const { i18n } = useTranslation();
  const days = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'day', unitDisplay: 'long' });
  const years = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'year', unitDisplay: 'long', maximumFractionDigits: 1 });
  const plain = new Intl.NumberFormat(i18n.language);
  return { days: (n: number) => days.format(n), years: (n: number) => years.format(n / 365.25), number: (n: number) => plain.format(n) };
}

export default function RetentionSection() {
  const { t } = useTranslation('admin');
  const period = usePeriods();
  const current = useApi<Retention>('/api/organisation/retention');
  const [draft, setDraft] = useState<number | string | null>(null);
  const [asking, setAsking] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useAction();

  const r = current.data;
  if (!r) return current.error ? <ErrorNote error={current.error} /> : <Text>{t('common:loading')}</Text>;

  const value = draft ?? r.days;
  const days = typeof value === 'number' ? value : Number(value);
  const valid = value !== '' && Number.isInteger(days) && days >= r.minDays && days <= r.maxDays;
  const range = { min: period.days(r.minDays), max: period.days(r.maxDays) };

  const confirm = async () => {
    const done = await save.run(() => put<Retention>('/api/organisation/retention', { days }));
    if (!done) return;
    current.set(() => done);
    setDraft(null);
    setAsking(false);
    setSaved(true);
  };

  return (
    <Stack maw={760}>
      <Title order={2}>{t('retention.title')}</Title>
      <Text>{t('retention.intro')}</Text>
      <Card withBorder data-testid="retention-current">
        <Stack gap="xs">
          <Text fw={600}>
            {t('retention.current', { period: period.days(r.days), approx: t('retention.approx', { years: period.years(r.days) }) })}
          </Text>
          <Group gap="xs">
            <Text size="sm">{t('retention.sourceLabel')}</Text>
            <Badge variant="light" color={r.source === 'organisation' ? 'teal' : 'gray'} data-testid="retention-source">
              {t(`retention.source.${r.source}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('retention.defaultNote', { period: period.days(r.defaultDays) })}
          </Text>
        </Stack>
      </Card>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          if (valid && days !== r.days) setAsking(true);
        }}
      >
        <Stack>
          <NumberInput
            label={t('retention.days')}
            description={
              valid
                ? `${t('retention.hint', range)} ${t('retention.equivalent', { years: period.years(days) })}`
                : t('retention.hint', range)
            }
            error={valid ? undefined : t('retention.range', { min: period.number(r.minDays), max: period.number(r.maxDays) })}
            min={r.minDays}
            max={r.maxDays}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={value}
            onChange={(v) => {
              setDraft(v);
              setSaved(false);
            }}
            maw={320}
          />
          <Group>
            <Button type="submit" disabled={!valid || days === r.days}>
              {t('retention.save')}
            </Button>
          </Group>
          {saved && (
            <Alert color="teal" variant="light" data-testid="retention-saved">
              {t('retention.saved')}
            </Alert>
          )}
        </Stack>
      </form>
      <Modal
        opened={asking}
        onClose={() => {
          save.clearError();
          setAsking(false);
        }}
        title={t('retention.confirmTitle')}
      >
        <Stack>
          <Text>{t('retention.confirmFrom', { period: period.days(r.days) })}</Text>
          <Text fw={600}>{t('retention.confirmTo', { period: period.days(days) })}</Text>
          {days < r.days ? (
            <Alert color="orange" variant="light">
              {t('retention.confirmShorter')}
            </Alert>
          ) : (
            <Text>{t('retention.confirmLonger')}</Text>
          )}
          <ErrorNote error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common:cancel')}
            </Button>
            <Button color={days < r.days ? 'red' : 'teal'} loading={save.busy} onClick={() => void confirm()}>
              {t('retention.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
