/**
 * The period and the filters, as native selects (fast, accessible). Channels and reasons offered
 * are the ones seen so far, so narrowing to one channel does not hide the others from the list.
 */
import { Button, Group, NativeSelect } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../api/types';
import { LANGUAGES } from '../../i18n/languages';
import { DEFAULT_FILTERS, PERIODS, type Filters } from './filters';
import { useAnalyticsFormat } from './numbers';
import type { Summary } from './types';

/** Keys seen in any answer so far, in first-seen order. */
function useSeen(keys: string[] | undefined): string[] {
  const seen = useRef<string[]>([]);
  for (const k of keys ?? []) if (!seen.current.includes(k)) seen.current.push(k);
  return seen.current;
}

export function FilterBar({
  value,
  onChange,
  summary,
  teams,
}: {
  value: Filters;
  onChange: (f: Filters) => void;
  summary: Summary | undefined;
  teams: Team[];
}) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const channels = useSeen(summary?.byChannel.map((g) => g.key));
  const reasons = useSeen(summary?.byReason.map((g) => g.key));
  const changed = JSON.stringify(value) !== JSON.stringify(DEFAULT_FILTERS);
  const any = { value: '', label: t('filters.any') };
  return (
    <Group component="form" role="search" aria-label={t('filters.label')} align="flex-end" gap="sm" onSubmit={(e) => e.preventDefault()}>
      <NativeSelect
        label={t('filters.period')}
        value={String(value.days)}
        onChange={(e) => onChange({ ...value, days: Number(e.currentTarget.value) })}
        data={PERIODS.map((d) => ({ value: String(d), label: t(`filters.period${d}`) }))}
      />
      <NativeSelect
        label={t('filters.channel')}
        value={value.channel}
        onChange={(e) => onChange({ ...value, channel: e.currentTarget.value })}
        data={[any, ...channels.map((c) => ({ value: c, label: c }))]}
      />
      <NativeSelect
        label={t('filters.team')}
        value={value.teamId}
        onChange={(e) => onChange({ ...value, teamId: e.currentTarget.value })}
        data={[any, ...teams.map((tm) => ({ value: tm.id, label: tm.name }))]}
      />
      <NativeSelect
        label={t('filters.reason')}
        value={value.reason}
        onChange={(e) => onChange({ ...value, reason: e.currentTarget.value })}
        data={[any, ...reasons.map((r) => ({ value: r, label: r === 'unspecified' ? t('table.unspecified') : r }))]}
      />
      <NativeSelect
        label={t('filters.language')}
        value={value.lang}
        onChange={(e) => onChange({ ...value, lang: e.currentTarget.value })}
        data={[any, ...LANGUAGES.map((l) => ({ value: l.code, label: f.language(l.code) }))]}
      />
      {changed && (
        <Button variant="subtle" onClick={() => onChange(DEFAULT_FILTERS)}>
          {t('filters.reset')}
        </Button>
      )}
    </Group>
  );
}
