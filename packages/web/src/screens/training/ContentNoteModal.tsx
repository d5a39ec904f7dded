/**
 * What a scenario contains, said before it starts: anger, profanity, abuse, threats, talk of
 * self-harm. The trainee may stop at any time, and a scenario about self-harm says where support
 * is. Nothing starts until they choose "I understand, start" (the server asks for exactly that).
 */
import { Anchor, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '../../api/client';
import { ErrorNote } from '../../lib/ErrorNote';
import type { ScenarioSummary } from './types';

interface Props {
  scenario: ScenarioSummary | undefined;
  busy: boolean;
  error: ApiError | undefined;
  /** A local model can word the customer freely; the trainee may choose it. */
  freeTextAvailable: boolean;
  freeText: boolean;
  onFreeText: (on: boolean) => void;
  onStart: () => void;
  onClose: () => void;
}

export function ContentNoteModal({ scenario, busy, error, freeTextAvailable, freeText, onFreeText, onStart, onClose }: Props) {
  const { t } = useTranslation('training');
  const selfHarm = scenario?.contentNotes.includes('self_harm') ?? false;
  return (
    <Modal opened={scenario !== undefined} onClose={onClose} title={t('note.title')} centered size="lg">
      {scenario && (
        <Stack gap="sm" data-testid="content-note">
          <Text fw={600} dir="auto">
            {scenario.title}
          </Text>
          <Text size="sm">{t('note.contains')}</Text>
          <List size="sm" spacing={4}>
            {scenario.contentNotes.map((n) => (
              <List.Item key={n}>{t(`contentNote.${n}`)}</List.Item>
            ))}
          </List>
          <Text size="sm">{t('note.stop')}</Text>
          {selfHarm && (
            <Stack gap={2} data-testid="self-harm-support">
              <Text size="sm">{t('note.support')}</Text>
              <Anchor component={Link} to="/wellbeing" size="sm">
                {t('note.supportLink')}
              </Anchor>
            </Stack>
          )}
          {freeTextAvailable && (
            <Checkbox
              label={t('note.freeText')}
              description={t('note.freeTextHint')}
              checked={freeText}
              onChange={(e) => onFreeText(e.currentTarget.checked)}
            />
          )}
          <ErrorNote error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('note.cancel')}
            </Button>
            <Button onClick={onStart} loading={busy} data-autofocus>
              {t('note.start')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
