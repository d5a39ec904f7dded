/**
 * Downloads of this record. Plain links on the same origin, so the session cookie goes along and
 * the browser saves the file itself; every format carries the chain proof.
 */
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const FORMATS = ['json', 'csv', 'pdf'] as const;

export function ExportLinks({ id }: { id: string }) {
  const { t } = useTranslation('incidents');
  return (
    <Group gap="xs" align="center" component="section" aria-labelledby="export-title">
      <Text id="export-title" size="sm" fw={600}>
        {t('export.title')}
      </Text>
      {FORMATS.map((f) => (
        <Button
          key={f}
          component="a"
          href={`/api/incidents/${encodeURIComponent(id)}?format=${f}`}
          download={`incident-${id}.${f}`}
          variant="default"
          size="xs"
          aria-label={t(`export.${f}Label`)}
          data-testid={`export-${f}`}
        >
          {t(`export.${f}`)}
        </Button>
      ))}
    </Group>
  );
}
