/**
 * The record's chained events in order: their place in the organisation's chain, what each one
 * was, when and by whom, and the start of its hash (the whole hash on hover or focus), so an
 * auditor can compare them with an exported copy.
 */
import { Code, Table, Text, Title, Tooltip, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { ChainEvent, Incident } from './incidentTypes';
import { useActorName } from './useActorName';

const HASH_SHOWN = 12;

/** A short line about the event's content, where one helps: the new status, the fields filled in. */
function useSummary() {
  const { t, i18n } = useTranslation('incidents');
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (e: ChainEvent): string => {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    if (e.kind === 'status' && typeof p.to === 'string') return t(`review.movedTo.${p.to}`, { defaultValue: p.to });
    if (e.kind === 'fields')
      return t('timeline.fieldsChanged', { fields: list.format(Object.keys(p).map((f) => t(`fields.${f}`, { defaultValue: f }))) });
    if (e.kind === 'action' && typeof p.action === 'string') return t(`action.${p.action}`, { defaultValue: p.action });
    if (e.kind === 'notified' && typeof p.who === 'string') return t(`notified.who.${p.who.replace(/ /g, '_')}`, { defaultValue: p.who });
    if (e.kind === 'evidence' && typeof p.label === 'string') return t(`label.${p.label}`, { ns: 'common', defaultValue: p.label });
    return '';
  };
}

export function EventTimeline({ events, incident }: { events: readonly ChainEvent[]; incident: Incident }) {
  const { t } = useTranslation('incidents');
  const format = useFormat();
  const nameOf = useActorName(incident);
  const summary = useSummary();
  return (
    <Stack gap="sm" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h3" id="timeline-title">
        {t('timeline.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('timeline.intro')}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing="xs" data-testid="event-timeline">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('timeline.position')}</Table.Th>
              <Table.Th scope="col">{t('timeline.event')}</Table.Th>
              <Table.Th scope="col">{t('timeline.at')}</Table.Th>
              <Table.Th scope="col">{t('timeline.by')}</Table.Th>
              <Table.Th scope="col">{t('timeline.hash')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e) => {
              const detail = summary(e);
              return (
                <Table.Tr key={e.position}>
                  <Table.Td>{format.number(e.position)}</Table.Td>
                  <Table.Td>
                    {t(`events.${e.kind}`, { defaultValue: e.kind })}
                    {detail && (
                      <Text size="sm" c="gray.7">
                        {detail}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{format.dateTime(e.createdAt)}</Table.Td>
                  <Table.Td>{nameOf(e.actorUserId)}</Table.Td>
                  <Table.Td>
                    <Tooltip label={e.hash} multiline maw={320} style={{ overflowWrap: 'anywhere' }}>
                      {/* Focusable so keyboard users get the tooltip too; the title serves copy and assistive tech. */}
                      <Code tabIndex={0} title={e.hash} dir="ltr">
                        {e.hash.slice(0, HASH_SHOWN)}…
                      </Code>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
