/**
 * A button for a change that is hard to undo (disable, revoke, lift, stop): it asks first, in a
 * sentence that names what will happen, and shows the server's answer if it fails.
 */
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';

interface Props {
  /** The button's text, also the confirm button's. */
  label: string;
  /** A name for screen readers when several rows have the same button ("Revoke token CRM"). */
  ariaLabel?: string;
  question: string;
  onConfirm: () => Promise<unknown>;
  color?: ButtonProps['color'];
}

export function ConfirmButton({ label, ariaLabel, question, onConfirm, color = 'red' }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const { run, busy, error, clearError } = useAction();
  const dismiss = () => {
    clearError();
    close();
  };
  return (
    <>
      <Button size="xs" variant="light" color={color} onClick={open} aria-label={ariaLabel}>
        {label}
      </Button>
      <Modal opened={opened} onClose={dismiss} title={ariaLabel ?? label}>
        <Stack>
          <Text>{question}</Text>
          <ErrorNote error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              {t('cancel')}
            </Button>
            <Button
              color={color}
              loading={busy}
              onClick={() =>
                void run(async () => {
                  await onConfirm();
                  return true;
                }).then((done) => {
                  if (done) close();
                })
              }
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
