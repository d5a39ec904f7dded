/**
 * Leave the scenario: always visible, asks once (a slip of the mouse should not end a session), and
 * says that leaving is fine and does not count as a failure of the person.
 */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

export function ExitButton({ onExit, busy, disabled }: { onExit: () => void; busy: boolean; disabled: boolean }) {
  const { t } = useTranslation('training');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open} loading={busy} disabled={disabled}>
        {t('exit.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('exit.title')} centered>
        <Text size="sm">{t('exit.body')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close} data-autofocus>
            {t('exit.keep')}
          </Button>
          <Button
            onClick={() => {
              close();
              onExit();
            }}
          >
            {t('exit.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
