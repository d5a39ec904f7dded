/**
 * The parts of the record people fill in after the fact (what HR, regulators and police ask for).
 * Only the fields that changed are sent, so two people completing different fields do not
 * overwrite each other; an emptied field is sent as null. Roles without incidents:update, and
 * closed incidents, get the same fields read-only.
 */
import { Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../../api/client';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import type { EditableField, Incident } from './incidentTypes';

/** Long answers get a text area, short references a single line. */
const FIELDS: { name: EditableField; long: boolean }[] = [
  { name: 'circumstances', long: true },
  { name: 'injury', long: true },
  { name: 'lostTime', long: false },
  { name: 'supportOffered', long: true },
  { name: 'policeReference', long: false },
  { name: 'witnesses', long: true },
  { name: 'completedBy', long: false },
];

const asValue = (typed: string): string | null => (typed.trim() === '' ? null : typed);

function ReadOnlyFields({ incident }: { incident: Incident }) {
  const { t } = useTranslation('incidents');
  return (
    <Stack component="dl" gap="sm" m={0}>
      {FIELDS.map(({ name }) => {
        const v = incident.record[name];
        return (
          <div key={name}>
            <Text component="dt" size="sm" c="gray.7">
              {t(`fields.${name}`)}
            </Text>
            <Text component="dd" m={0} dir="auto" style={{ whiteSpace: 'pre-wrap' }} c={v ? undefined : 'gray.7'}>
              {v ?? t('fields.notFilled')}
            </Text>
          </div>
        );
      })}
    </Stack>
  );
}

export function RecordFieldsForm({ incident, onSaved }: { incident: Incident; onSaved: (i: Incident) => void }) {
  const { t } = useTranslation('incidents');
  const { can } = useSession();
  // Only what the person typed; untouched fields follow the record as it reloads.
  const [edits, setEdits] = useState<Partial<Record<EditableField, string>>>({});
  const { run, busy: saving, error } = useAction();
  const closed = incident.status === 'closed';
  const editable = can('incidents:update') && !closed;

  const changes = Object.fromEntries(
    FIELDS.flatMap(({ name }) => {
      const typed = edits[name];
      return typed !== undefined && asValue(typed) !== incident.record[name] ? [[name, asValue(typed)]] : [];
    }),
  ) as Partial<Record<EditableField, string | null>>;
  const dirty = Object.keys(changes).length > 0;

  const save = () =>
    run(async () => {
      const updated = await patch<Incident>(`/api/incidents/${encodeURIComponent(incident.id)}`, changes);
      setEdits({});
      onSaved(updated);
      notifications.show({ color: 'teal', message: t('fields.saved') });
    });

  return (
    <Stack gap="sm" component="section" aria-labelledby="fields-title">
      <Title order={2} size="h3" id="fields-title">
        {t('fields.title')}
      </Title>
      {closed && <Text c="gray.7">{t('fields.closedNote')}</Text>}
      {!editable ? (
        <ReadOnlyFields incident={incident} />
      ) : (
        <Stack
          component="form"
          gap="sm"
          onSubmit={(e) => {
            e.preventDefault();
            if (dirty) void save();
          }}
        >
          <Text size="sm" c="gray.7">
            {t('fields.intro')}
          </Text>
          {FIELDS.map(({ name, long }) => {
            const props = {
              label: t(`fields.${name}`),
              description: t(`fieldHint.${name}`),
              value: edits[name] ?? incident.record[name] ?? '',
              onChange: (e: { currentTarget: { value: string } }) => {
                const value = e.currentTarget.value;
                setEdits((old) => ({ ...old, [name]: value }));
              },
              dir: 'auto',
            };
            return long ? <Textarea key={name} autosize minRows={2} maxRows={10} {...props} /> : <TextInput key={name} {...props} />;
          })}
          <ErrorNote error={error} />
          <Group gap="sm">
            <Button type="submit" loading={saving} disabled={!dirty}>
              {t('fields.save')}
            </Button>
            {dirty && (
              <Button variant="subtle" onClick={() => setEdits({})}>
                {t('fields.discard')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
