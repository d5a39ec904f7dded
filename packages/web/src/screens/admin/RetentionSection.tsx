/**
 * How long incident records are kept. It is server configuration (read at start, not through the
 * API), so this page explains where to change it rather than offering a field that could not work.
 */
import { Alert, Code, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';

/** The server's default (packages/server/src/config.ts: incidentRetentionDays), about five years. */
const DEFAULT_DAYS = 1826;

export default function RetentionSection() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  return (
    <Stack maw={760}>
      <Title order={2}>{t('retention.title')}</Title>
      <Text>{t('retention.intro', { days: f.number(DEFAULT_DAYS) })}</Text>
      <Alert color="blue" variant="light" title={t('retention.howTitle')}>
        <List spacing="xs">
          <List.Item>
            {t('retention.env')} <Code dir="ltr">CALMLINE_INCIDENT_RETENTION_DAYS=3650</Code>
          </List.Item>
          <List.Item>
            {t('retention.file')} <Code dir="ltr">{'{ "incidentRetentionDays": 3650 }'}</Code>
          </List.Item>
        </List>
      </Alert>
      <Text>{t('retention.restart')}</Text>
      <Text>{t('retention.whatHappens')}</Text>
    </Stack>
  );
}
