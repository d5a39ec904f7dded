/**
 * A password or secret the server shows once: in a dialog that does not close by a stray click,
 * with a copy button and a plain sentence that it cannot be shown again.
 */
import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface SecretToShow {
  title: string;
  /** Who or what it belongs to, e.g. the new user's email. */
  intro: string;
  secret: string;
}

export function OneTimeSecret({ shown, onClose }: { shown: SecretToShow | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened={shown !== null} onClose={onClose} title={shown?.title} closeOnClickOutside={false} size="lg">
      {shown && (
        <Stack>
          <Text>{shown.intro}</Text>
          <Code block data-testid="one-time-secret" fz="md" style={{ wordBreak: 'break-all' }} dir="ltr">
            {shown.secret}
          </Code>
          <Text fw={600} c="orange.9">
            {t('secret.onceOnly')}
          </Text>
          <Group justify="flex-end">
            <CopyButton value={shown.secret}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy} aria-live="polite">
                  {copied ? t('secret.copied') : t('secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('secret.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
