/** Status, conduct and date range for the incident list, as plain native controls (fast, accessible). */
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONDUCTS, STATUSES, type IncidentStatus } from './incidentTypes';
import { NO_FILTERS, type Filters } from './incidentFilters';

export function IncidentFiltersBar({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation('incidents');
  const any = value.status || value.conduct || value.from || value.to;
  return (
    <Group component="form" role="search" aria-label={t('filter.label')} align="flex-end" gap="sm" onSubmit={(e) => e.preventDefault()}>
      <NativeSelect
        label={t('filter.status')}
        value={value.status}
        onChange={(e) => onChange({ ...value, status: e.currentTarget.value as IncidentStatus | '' })}
        data={[{ value: '', label: t('filter.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
      />
      <NativeSelect
        label={t('filter.conduct')}
        value={value.conduct}
        onChange={(e) => onChange({ ...value, conduct: e.currentTarget.value })}
        data={[{ value: '', label: t('filter.allConduct') }, ...CONDUCTS.map((c) => ({ value: c, label: t(`conduct.${c}`) }))]}
      />
      <TextInput
        type="date"
        label={t('filter.from')}
        value={value.from}
        max={value.to || undefined}
        onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('filter.to')}
        value={value.to}
        min={value.from || undefined}
        onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
      />
      {any && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          {t('filter.clear')}
        </Button>
      )}
    </Group>
  );
}
