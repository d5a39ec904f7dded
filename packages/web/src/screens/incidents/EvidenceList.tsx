/**
 * The customer's messages that make up the record, verbatim. This is the evidence, so nothing is
 * masked here; a content note above warns the reader before the words appear.
 */
import { Alert, Badge, Blockquote, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { IncidentRecord } from './incidentTypes';

/** Shades that keep the badge's text at AA contrast; autoContrast picks dark text on the light ones. */
const LABEL_COLOURS: Record<string, string> = { threat: 'red.9', self_harm: 'violet.9', abuse: 'orange.4', profanity: 'yellow.4' };

export function EvidenceList({ evidence }: { evidence: IncidentRecord['evidence'] }) {
  const { t } = useTranslation('incidents');
  const format = useFormat();
  return (
    <Stack gap="sm" component="section" aria-labelledby="evidence-title">
      <Title order={2} size="h3" id="evidence-title">
        {t('evidence.title')}
      </Title>
      {evidence.length === 0 ? (
        <Text c="gray.7">{t('evidence.empty')}</Text>
      ) : (
        <>
          <Alert variant="light" color="gray" title={t('evidence.noteTitle')}>
            {t('evidence.note')}
          </Alert>
          {evidence.map((e) => (
            <Stack key={e.messageId} gap={4} data-testid="evidence-item">
              <Group gap="xs">
                <Badge color={LABEL_COLOURS[e.label] ?? 'gray.7'} variant="filled" autoContrast>
                  {t(`label.${e.label}`, { ns: 'common', defaultValue: e.label })}
                </Badge>
                <Text size="sm" c="gray.7" component="time" dateTime={e.at}>
                  {format.dateTime(e.at)}
                </Text>
              </Group>
              {/* dir="auto": the customer may write in another script than the UI's. */}
              <Blockquote p="sm" color="gray" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.text}
              </Blockquote>
            </Stack>
          ))}
        </>
      )}
    </Stack>
  );
}
