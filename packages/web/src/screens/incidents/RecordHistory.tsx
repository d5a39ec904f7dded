/**
 * What happened around the incident, each with its time: the actions taken in the conversation,
 * who was notified, and the reports people filed (the agent's "this was not OK" with its note).
 */
import { Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { Incident } from './incidentTypes';
import { useActorName } from './useActorName';

function Section({ id, title, empty, children }: { id: string; title: string; empty: string; children: ReactNode[] }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children.length === 0 ? (
        <Text c="gray.7">{empty}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" ps={0}>
          {children}
        </List>
      )}
    </Stack>
  );
}

/**
 * The time first, in a quieter colour, then what happened. Separate flex items, so in a
 * right-to-left page the time's digits do not run into the words next to it.
 */
function Entry({ at, children }: { at: string; children: ReactNode }) {
  const format = useFormat();
  return (
    <List.Item>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Text component="time" dateTime={at} size="sm" c="gray.7">
          {format.dateTime(at)}
        </Text>
        {children}
      </Group>
    </List.Item>
  );
}

export function RecordHistory({ incident }: { incident: Incident }) {
  const { t } = useTranslation('incidents');
  const nameOf = useActorName(incident);
  const r = incident.record;
  return (
    <Stack gap="lg">
      <Section id="actions-title" title={t('actions.title')} empty={t('actions.empty')}>
        {r.actionsTaken.map((a, i) => (
          <Entry key={`${a.at}-${i}`} at={a.at}>
            <Text component="span">
              {t('actions.entry', { action: t(`action.${a.action}`, { defaultValue: a.action }), by: nameOf(a.by) })}
            </Text>
          </Entry>
        ))}
      </Section>
      <Section id="notified-title" title={t('notified.title')} empty={t('notified.empty')}>
        {r.notified.map((n, i) => (
          <Entry key={`${n.at}-${i}`} at={n.at}>
            <Text component="span">{t(`notified.who.${n.who.replace(/ /g, '_')}`, { defaultValue: n.who })}</Text>
          </Entry>
        ))}
      </Section>
      <Section id="reports-title" title={t('reports.title')} empty={t('reports.empty')}>
        {r.reports.map((p, i) => (
          <Entry key={`${p.at}-${i}`} at={p.at}>
            <Text component="span" fw={600}>
              {nameOf(p.by)}
            </Text>
            <Text component="span" dir="auto" style={{ whiteSpace: 'pre-wrap' }} c={p.note ? undefined : 'gray.7'}>
              {p.note ?? t('reports.noNote')}
            </Text>
          </Entry>
        ))}
      </Section>
    </Stack>
  );
}
