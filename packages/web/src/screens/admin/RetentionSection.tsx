/**
 * How long the organisation keeps closed incidents. An admin sets the period in days (one to ten
 * years; there is no "keep forever"), sees it in years in their own language, and confirms first,
 * because a shorter period deletes older records' content at the next purge and that cannot be
 * undone. Until a period is saved here the server's default applies, and the page says so; an
 * organisation that set its own can go back to the default, confirmed the same way.
 */
import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, put } from '../../api/client';
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
  /** Which change the dialog asks about: a period typed here, or the server's default. */
  const [asking, setAsking] = useState<'days' | 'default' | null>(null);
  const [saved, setSaved] = useState<'days' | 'default' | null>(null);
  const save = useAction();

  const r = current.data;
  if (!r) return current.error ? <ErrorNote error={current.error} /> : <Text>{t('common:loading')}</Text>;

  const value = draft ?? r.days;
  const days = typeof value === 'number' ? value : Number(value);
  const valid = value !== '' && Number.isInteger(days) && days >= r.minDays && days <= r.maxDays;
  const range = { min: period.days(r.minDays), max: period.days(r.maxDays) };

  const target = asking === 'default' ? r.defaultDays : days;
  const confirm = async () => {
    const change = asking;
    const done = await save.run(() =>
      change === 'default' ? del<Retention>('/api/organisation/retention') : put<Retention>('/api/organisation/retention', { days }),
    );
    if (!done) return;
    current.set(() => done);
    setDraft(null);
    setAsking(null);
    setSaved(change);
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
          {r.source === 'organisation' && (
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setSaved(null);
                  setAsking('default');
                }}
              >
                {t('retention.useDefault', { period: period.days(r.defaultDays) })}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          if (valid && days !== r.days) setAsking('days');
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
              setSaved(null);
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
              {t(saved === 'default' ? 'retention.defaultRestored' : 'retention.saved')}
            </Alert>
          )}
        </Stack>
      </form>
      <Modal
        opened={asking !== null}
        onClose={() => {
          save.clearError();
          setAsking(null);
        }}
        title={t('retention.confirmTitle')}
      >
        <Stack>
          <Text>{t('retention.confirmFrom', { period: period.days(r.days) })}</Text>
          <Text fw={600}>{t('retention.confirmTo', { period: period.days(target) })}</Text>
          {asking === 'default' && <Text>{t('retention.confirmDefault')}</Text>}
          {target < r.days ? (
            <Alert color="orange" variant="light">
              {t('retention.confirmShorter')}
            </Alert>
          ) : (
            target > r.days && <Text>{t('retention.confirmLonger')}</Text>
          )}
          <ErrorNote error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common:cancel')}
            </Button>
            <Button color={target < r.days ? 'red' : 'teal'} loading={save.busy} onClick={() => void confirm()}>
              {t(asking === 'default' ? 'retention.confirmUseDefault' : 'retention.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
